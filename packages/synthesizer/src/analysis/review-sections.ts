import type { ClassifiedComment, CommentCategory, ReviewCluster, ReviewStats } from '@gitlore/core'
import type { ReviewIndex } from '../review/review-index.js'
import type { AnalysisLimits } from './analysis-limits.js'
import { cut, listElement, type Omission, ratio, type XmlElement } from './xml-element.js'

const bodyChars = 1200
const replyChars = 400
const diffLineChars = 200

/** Up to `count` members of a theme, representatives first, preferring comments from different PRs. */
export function themeSamples(cluster: ReviewCluster, reviews: ReviewIndex, count: number): ClassifiedComment[] {
  const ordered = [...new Set([...cluster.representatives, ...cluster.members])]
    .map((id) => reviews.comment(id))
    .filter((entry): entry is ClassifiedComment => entry !== undefined)
  const picked: ClassifiedComment[] = []
  const pullRequests = new Set<number>()
  for (const entry of ordered) {
    if (picked.length >= count) break
    if (pullRequests.has(entry.comment.prNumber)) continue
    picked.push(entry)
    pullRequests.add(entry.comment.prNumber)
  }
  for (const entry of ordered) {
    if (picked.length >= count) break
    if (!picked.includes(entry)) picked.push(entry)
  }
  return picked
}

/** A comment with its context: author, PR, resolved, categories, file, diff context, first replies. */
function writeComment(parent: XmlElement, name: string, entry: ClassifiedComment, limits: AnalysisLimits): void {
  const { comment } = entry
  const attributes: Record<string, string> = {
    id: comment.id,
    author: comment.author,
    pr: String(comment.prNumber),
    url: comment.url,
  }
  if (comment.isResolved !== undefined) attributes.resolved = String(comment.isResolved)
  attributes.categories = entry.status === 'classified' ? entry.categories.join(',') : 'unclassified'
  if (entry.status === 'classified') attributes.confidence = ratio(entry.confidence)
  if (comment.path !== undefined)
    attributes.file = comment.line === undefined ? comment.path : `${comment.path}:${comment.line}`
  const element = parent.ele(name, attributes)
  element.ele('body').txt(cut(comment.body, bodyChars))
  if (limits.diffLines > 0 && comment.diffHunk !== undefined && comment.diffHunk !== '') {
    // GitHub's hunk ends at the commented line, so its last lines are the context that matters.
    const lines = comment.diffHunk.split('\n').slice(-limits.diffLines)
    element.ele('diff').txt(lines.map((line) => cut(line, diffLineChars)).join('\n'))
  }
  for (const reply of comment.replies.slice(0, limits.replies)) {
    element.ele('reply', { author: reply.author }).txt(cut(reply.body, replyChars))
  }
}

const categoryList = (histogram: Readonly<Partial<Record<CommentCategory, number>>>): string =>
  Object.entries(histogram)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, count]) => `${name}:${count}`)
    .join(',')

/** `<reviewThemes>`: the recurring review themes, largest first, each with enriched samples. */
export function writeThemes(
  root: XmlElement,
  reviews: ReviewIndex,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const clusters = [...reviews.clusters].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))
  const shown = Math.min(limits.themes, clusters.length)
  const list = listElement(root, 'reviewThemes', shown, clusters.length, omissions, 'review themes')
  for (const cluster of clusters.slice(0, shown)) {
    const theme = list.ele('theme', {
      id: cluster.id,
      label: cluster.label,
      comments: String(cluster.size),
      pullRequests: String(cluster.prNumbers.length),
      resolvedShare: ratio(cluster.resolvedShare),
      categories: categoryList(cluster.categories),
    })
    theme.ele('terms').txt(cluster.topTerms.join(', '))
    theme.ele('files', { count: String(cluster.files.length) }).txt(cluster.files.slice(0, 12).join(', '))
    theme.ele('reviewers').txt(cluster.authors.join(', '))
    theme.ele('prs').txt(cluster.prNumbers.map((number) => `#${number}`).join(', '))
    for (const entry of themeSamples(cluster, reviews, limits.samples)) writeComment(theme, 'sample', entry, limits)
  }
}

/** `<notableComments>`: one-off comments worth reading that belong to no theme. */
export function writeNotable(
  root: XmlElement,
  reviews: ReviewIndex,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const notable = [...reviews.notableComments()].sort(
    (a, b) => (b.status === 'classified' ? b.confidence : 0) - (a.status === 'classified' ? a.confidence : 0),
  )
  const shown = Math.min(limits.notable, notable.length)
  const list = listElement(root, 'notableComments', shown, notable.length, omissions, 'notable comments')
  for (const entry of notable.slice(0, shown)) writeComment(list, 'comment', entry, limits)
}

const hours = (value: number | null): string => (value === null ? 'unknown' : value.toFixed(1))

/** `<reviewStatistics>`: load, verdicts, timing, pairs and discussed paths. */
export function writeReviewStats(
  root: XmlElement,
  stats: ReviewStats,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const element = root.ele('reviewStatistics', {
    pullRequests: String(stats.pullRequests),
    comments: String(stats.comments),
    reviews: String(stats.reviews),
    filteredBotComments: String(stats.filtered.bots),
    filteredTrivialComments: String(stats.filtered.trivial),
    approvalShare: ratio(stats.approvalShare),
    changesRequestedShare: ratio(stats.changesRequestedShare),
    unresolvedThreadShare: ratio(stats.unresolvedThreadShare),
  })
  for (const [name, summary] of [
    ['timeToFirstReview', stats.timeToFirstReview],
    ['timeToMerge', stats.timeToMerge],
  ] as const) {
    element.ele(name, {
      medianHours: hours(summary.median),
      p90Hours: hours(summary.p90),
      count: String(summary.count),
    })
  }
  const reviewers = Math.min(limits.reviewLists, stats.reviewers.length)
  const reviewerList = listElement(element, 'reviewers', reviewers, stats.reviewers.length, omissions, 'reviewers')
  for (const reviewer of stats.reviewers.slice(0, reviewers)) {
    reviewerList.ele('reviewer', {
      login: reviewer.login,
      reviews: String(reviewer.reviews),
      comments: String(reviewer.comments),
      approvals: String(reviewer.approvals),
      changesRequested: String(reviewer.changesRequested),
    })
  }
  const pairs = Math.min(limits.reviewLists, stats.pairs.length)
  const pairList = listElement(element, 'pairs', pairs, stats.pairs.length, omissions, 'review pairs')
  for (const pair of stats.pairs.slice(0, pairs)) {
    pairList.ele('pair', { reviewer: pair.reviewer, author: pair.author, pullRequests: String(pair.pullRequests) })
  }
  const authors = Math.min(limits.reviewLists, stats.authors.length)
  const authorList = listElement(element, 'authors', authors, stats.authors.length, omissions, 'pull request authors')
  for (const author of stats.authors.slice(0, authors)) {
    authorList.ele('author', { login: author.login, pullRequests: String(author.pullRequests) })
  }
  for (const [name, paths] of [
    ['discussedFiles', stats.discussedFiles],
    ['discussedDirectories', stats.discussedDirectories],
  ] as const) {
    const shown = Math.min(limits.reviewLists, paths.length)
    const label = name === 'discussedFiles' ? 'discussed files' : 'discussed directories'
    const list = listElement(element, name, shown, paths.length, omissions, label)
    for (const path of paths.slice(0, shown)) {
      list.ele('path', { path: path.path, comments: String(path.comments), threads: String(path.threads) })
    }
  }
}

/** `<pullRequests>`: number, author, state and title of the window's pull requests, most discussed first. */
export function writePullRequests(
  root: XmlElement,
  reviews: ReviewIndex,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  const counts = new Map<number, number>()
  for (const entry of reviews.classified) {
    counts.set(entry.comment.prNumber, (counts.get(entry.comment.prNumber) ?? 0) + 1 + entry.comment.replies.length)
  }
  const ordered = [...reviews.pullRequests].sort(
    (a, b) => (counts.get(b.number) ?? 0) - (counts.get(a.number) ?? 0) || b.number - a.number,
  )
  const shown = Math.min(limits.pullRequests, ordered.length)
  const list = listElement(root, 'pullRequests', shown, ordered.length, omissions, 'pull requests')
  for (const pr of ordered.slice(0, shown)) {
    list
      .ele('pr', {
        number: String(pr.number),
        url: pr.url,
        author: pr.author,
        state: pr.state,
        comments: String(counts.get(pr.number) ?? 0),
      })
      .txt(cut(pr.title, 200))
  }
}
