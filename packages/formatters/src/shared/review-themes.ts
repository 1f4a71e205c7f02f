import type { CommentCategory, ReviewCluster } from '@gitlore/core'
import { quoteExcerpt } from '@gitlore/core'
import type { QuotableComment, QuotedComment, ReportInput, ReviewArea } from '../formatter.js'

/** Characters of a comment kept in a report input; each format shortens further. */
const storedQuoteLength = 400
/** A theme whose members are mostly praise, thanks or approval is not a headline. */
const praiseShareLimit = 0.5

/** What every format shows of one review theme. */
export interface ThemeView {
  readonly id: string
  readonly label: string
  readonly size: number
  readonly pullRequests: number
  /** Share of the theme's review threads that were resolved (0..1), null when it has no threads. */
  readonly resolvedShare: number | null
  /** The theme's review threads, when known (the share is over these). */
  readonly threads: number | null
  /** Categories with their member counts, most first. */
  readonly categories: readonly (readonly [CommentCategory, number])[]
  /** Files the theme's comments are on, most commented first. */
  readonly files: readonly string[]
  /** Up to three representative comments, medoid first. */
  readonly quotes: readonly QuotedComment[]
}

/** The review part of a report: headline themes, the minor ones left out, and review load. */
export interface ReviewView {
  readonly themes: readonly ThemeView[]
  /** Themes that are mostly praise, thanks or approval: counted, not shown. */
  readonly praiseThemes: number
}

const informativeWords = 5

/** Quotes that say something ("for testing" says little) before the rest, each group in its own order. */
function informativeFirst(quotes: readonly QuotedComment[]): QuotedComment[] {
  const words = (quote: QuotedComment) => quoteExcerpt(quote.body, 200).split(' ').length
  return [
    ...quotes.filter((quote) => words(quote) >= informativeWords),
    ...quotes.filter((quote) => words(quote) < informativeWords),
  ]
}

/** Human name of a comment category (`error_handling` reads "error handling"). */
export function categoryName(category: string): string {
  return category.replace(/_/g, ' ')
}

function praiseShare(cluster: ReviewCluster): number {
  return cluster.size === 0 ? 0 : (cluster.categories.praise ?? 0) / cluster.size
}

/**
 * The review themes a report leads with: largest first, themes that are mostly praise left out
 * (counted), each with its categories, files and quotes in the order the theme names them.
 */
export function reviewView(input: ReportInput, quotesPerTheme = 3): ReviewView {
  const clusters = input.clusters ?? []
  const quotes = new Map((input.quotes ?? []).map((quote) => [quote.id, quote]))
  const headline = clusters.filter((cluster) => praiseShare(cluster) < praiseShareLimit)
  const themes = [...headline]
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(
      (cluster): ThemeView => ({
        id: cluster.id,
        label: cluster.label,
        size: cluster.size,
        pullRequests: cluster.prNumbers.length,
        resolvedShare:
          cluster.threads === 0 ||
          (cluster.threads === undefined && cluster.files.length === 0 && cluster.resolvedShare === 0)
            ? null
            : cluster.resolvedShare,
        threads: cluster.threads ?? null,
        categories: (Object.entries(cluster.categories) as [CommentCategory, number][])
          .filter(([, members]) => members > 0)
          .sort(([a, left], [b, right]) => right - left || (a < b ? -1 : 1)),
        files: cluster.files,
        quotes: informativeFirst(
          cluster.representatives.flatMap((id) => {
            const quote = quotes.get(id)
            return quote === undefined || quoteExcerpt(quote.body, 40) === '' ? [] : [quote]
          }),
        ).slice(0, quotesPerTheme),
      }),
    )
  return { themes, praiseThemes: clusters.length - headline.length }
}

/**
 * The comments a report quotes: each theme's representatives (medoid first), at most `perTheme`
 * of them, their text cut to a few hundred characters. Pass the result as `ReportInput.quotes`.
 */
export function quotedComments(
  clusters: readonly ReviewCluster[],
  comments: readonly QuotableComment[],
  perTheme = 3,
): QuotedComment[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]))
  const quoted = new Map<string, QuotedComment>()
  for (const cluster of clusters) {
    for (const id of cluster.representatives.slice(0, perTheme)) {
      const comment = byId.get(id)
      if (comment === undefined || quoted.has(id)) continue
      const body = [...comment.body].slice(0, storedQuoteLength).join('')
      quoted.set(id, {
        id,
        url: comment.url,
        author: comment.author,
        prNumber: comment.prNumber,
        ...(comment.path === undefined ? {} : { path: comment.path }),
        body,
      })
    }
  }
  return [...quoted.values()]
}

/** The area a file belongs to: its top-level directory (`src/`), or the file itself at the root. */
export function areaOf(path: string): string {
  const slash = path.indexOf('/')
  return slash === -1 ? path : path.slice(0, slash + 1)
}

/**
 * Who reviews which area: review comments on files (the first comment of a thread and its
 * replies, each counted for its own author) per top-level directory, most discussed first. Pass
 * the result as `ReportInput.reviews.areas`.
 */
export function reviewAreas(comments: readonly QuotableComment[]): ReviewArea[] {
  const areas = new Map<string, Map<string, number>>()
  for (const comment of comments) {
    if (comment.path === undefined) continue
    const area = areaOf(comment.path)
    let reviewers = areas.get(area)
    if (reviewers === undefined) areas.set(area, (reviewers = new Map()))
    for (const author of [comment.author, ...comment.replies.map((reply) => reply.author)]) {
      reviewers.set(author, (reviewers.get(author) ?? 0) + 1)
    }
  }
  return [...areas]
    .map(([path, reviewers]) => ({
      path,
      comments: [...reviewers.values()].reduce((sum, value) => sum + value, 0),
      reviewers: [...reviewers]
        .map(([login, count]) => ({ login, comments: count }))
        .sort((a, b) => b.comments - a.comments || (a.login < b.login ? -1 : 1)),
    }))
    .sort((a, b) => b.comments - a.comments || (a.path < b.path ? -1 : 1))
}

/** Reviewers by load: reviews plus comments, most first, then login. */
export function reviewersByLoad(input: ReportInput) {
  return [...(input.reviews?.reviewers ?? [])].sort(
    (a, b) => b.reviews + b.comments - (a.reviews + a.comments) || (a.login < b.login ? -1 : a.login > b.login ? 1 : 0),
  )
}

/** "3 of 4 review threads resolved", or the share alone when the count is not known. */
export function resolvedText(theme: ThemeView): string | null {
  if (theme.resolvedShare === null) return null
  if (theme.threads === null) return `${Math.round(theme.resolvedShare * 100)}% of threads resolved`
  const resolved = Math.round(theme.resolvedShare * theme.threads)
  return `${resolved} of ${theme.threads} review ${theme.threads === 1 ? 'thread' : 'threads'} resolved`
}
