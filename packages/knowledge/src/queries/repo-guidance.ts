import { type CommentCategory, commentCategories, type FindingCategory, findingCategories } from '@gitlore/core'
import type { CommentKnowledge, KnowledgeMeta, ThemeKnowledge } from '../knowledge-model.js'
import type { KnowledgeReader } from '../knowledge-reader.js'
import { type BriefItem, recency, relayedText, topItems } from './brief-item.js'
import { choiceName } from './choice-of.js'
import { conventionItems } from './convention-items.js'
import { findingItem } from './finding-items.js'
import { type IndexStatus, indexStatus } from './index-status.js'
import { itemLimit } from './item-limit.js'
import { personLabel } from './people-items.js'
import { createRelayGuard, shownText } from './relay-guard.js'
import { taskTerms, termHits } from './task-terms.js'

/** A review theme as guidance shows it. */
export interface GuidanceTheme {
  readonly id: string
  readonly label: string
  readonly size: number
  readonly pullRequests: number
  readonly resolvedShare: number
  readonly categories: readonly CommentCategory[]
  readonly files: readonly string[]
  readonly quotes: readonly { readonly quote: string; readonly url: string; readonly author: string }[]
  readonly lastSeen: string | null
}

export interface RepoGuidance {
  readonly topic: string | null
  /** What reviewers repeatedly ask for, largest themes first (for a topic: the themes about it). */
  readonly themes: readonly GuidanceTheme[]
  readonly findings: readonly BriefItem[]
  readonly conventions: readonly BriefItem[]
  /** Who knows which area. */
  readonly people: readonly BriefItem[]
  /** For a topic: review comments about it. */
  readonly comments: readonly CommentKnowledge[]
  /** Things left out because their text (a path, a name, a quote, a label) addresses AI assistants. */
  readonly withheld: number
  readonly index: IndexStatus
}

/**
 * Repository-wide guidance: review themes, findings, conventions and who knows each area; with a
 * topic (a comment category such as `testing`, a finding category such as `landmine`, or words),
 * only what is about it.
 */
export async function repoGuidance(
  store: KnowledgeReader,
  meta: KnowledgeMeta,
  input: { readonly topic?: string; readonly limit?: number },
  currentHead: string | null,
): Promise<RepoGuidance> {
  const limit = itemLimit(input.limit, 5, 20)
  const topic = input.topic?.trim() || null
  const normalized = topic === null ? null : choiceName(topic)
  const commentCategory = (commentCategories as readonly string[]).includes(normalized ?? '')
    ? (normalized as CommentCategory)
    : undefined
  const findingCategory = (findingCategories as readonly string[]).includes(normalized ?? '')
    ? (normalized as FindingCategory)
    : undefined
  const terms = commentCategory === undefined && findingCategory === undefined ? taskTerms(topic ?? '') : []
  const asOf = Date.parse(meta.window.until)

  const allThemes = await store.themes()
  const relevance = (theme: ThemeKnowledge): number => {
    if (commentCategory !== undefined) return theme.categories[commentCategory] ?? 0
    if (terms.length > 0) return termHits(terms, `${theme.label} ${theme.files.join(' ')}`)
    return theme.size
  }
  const chosen = allThemes
    .filter((theme) => relevance(theme) > 0 && !isPraise(theme))
    .sort((x, y) => relevance(y) - relevance(x) || y.size - x.size || (x.id < y.id ? -1 : 1))
    .slice(0, limit)
  const quotes = new Map(
    (await store.comments(chosen.flatMap((theme) => theme.representatives.slice(0, 3)))).map(
      (comment) => [comment.id, comment] as const,
    ),
  )
  const guard = createRelayGuard()
  const themes = chosen.map(
    (theme): GuidanceTheme => ({
      id: theme.id,
      label: shownText(relayedText(theme.label, 100) ?? 'a recurring review theme'),
      size: theme.size,
      pullRequests: theme.prNumbers.length,
      resolvedShare: theme.resolvedShare,
      categories: (Object.entries(theme.categories) as [CommentCategory, number][])
        .sort(([x, a], [y, b]) => b - a || (x < y ? -1 : 1))
        .slice(0, 3)
        .map(([category]) => category),
      files: guard.texts(theme.files).slice(0, 5),
      quotes: guard
        .comments(theme.representatives.flatMap((id) => quotes.get(id) ?? []))
        .flatMap((comment) =>
          comment.quote === null ? [] : [{ quote: comment.quote, url: comment.url, author: comment.author }],
        )
        .slice(0, 2),
      lastSeen: theme.lastSeen,
    }),
  )

  const comments =
    topic === null || findingCategory !== undefined
      ? []
      : await store.searchComments({
          terms: terms.slice(0, 3),
          ...(commentCategory === undefined ? {} : { category: commentCategory }),
          limit: limit,
        })

  // A review category says nothing about a finding's own category: the findings that go with it are
  // those on the files where reviewers raise it (its themes' files and the comments'), not every finding.
  const reviewedFiles =
    commentCategory === undefined || findingCategory !== undefined
      ? null
      : new Set([
          ...chosen.flatMap((theme) => theme.files),
          ...comments.flatMap((comment) => (comment.path === null ? [] : [comment.path])),
        ])
  const findings = (await store.findings()).flatMap((finding) => {
    if (findingCategory !== undefined && finding.category !== findingCategory) return []
    if (terms.length > 0 && termHits(terms, `${finding.title} ${finding.insight} ${finding.files.join(' ')}`) === 0) {
      return []
    }
    if (reviewedFiles !== null && !finding.files.some((file) => reviewedFiles.has(file))) return []
    const item = findingItem(finding, finding.files)
    return item === null ? [] : [item]
  })

  return {
    topic,
    themes,
    findings: topItems(guard.items(findings), limit),
    conventions: guard.items(topic === null || normalized === 'conventions' ? conventionItems(meta) : []),
    people: guard.items(topic === null ? await areaPeople(store, meta, asOf, limit) : []),
    comments: guard.comments(comments.filter((comment) => comment.quote !== null)),
    withheld: guard.withheld,
    index: indexStatus(meta, currentHead),
  }
}

/** A theme whose comments are mostly praise or thanks is not guidance. */
function isPraise(theme: ThemeKnowledge): boolean {
  return (theme.categories.praise ?? 0) * 2 > theme.size
}

/** For the busiest top-level directories: who writes there (if still active) and who reviews there most. */
async function areaPeople(
  store: KnowledgeReader,
  meta: KnowledgeMeta,
  asOf: number,
  limit: number,
): Promise<BriefItem[]> {
  const who = personLabel(meta)
  const areas = await store.paths(meta.topDirectories.slice(0, limit))
  return areas.flatMap((area): BriefItem[] => {
    const main = area.authors[0]
    const author = area.authors.find((candidate) => candidate.active)
    const reviewer = area.reviewers[0]
    if (author === undefined && reviewer === undefined) return []
    const parts = [
      main === undefined || main.active
        ? null
        : `its main author ${who(main.identity)} (${Math.round(area.mainAuthorShare * 100)}%) is no longer active`,
      author === undefined ? null : `${who(author.identity)} wrote ${author.commits} of its ${area.commits} commits`,
      reviewer === undefined ? null : `${reviewer.login} wrote ${reviewer.comments} review comments there`,
    ].filter((part) => part !== null)
    return [
      {
        text: `${area.path}: ${parts.join('; ')}`,
        provenance: [{ kind: 'path', ref: area.path }],
        lastSeen: author?.lastCommit ?? reviewer?.lastAt ?? null,
        files: [],
        score: area.commits * recency(area.lastChanged, asOf),
      },
    ]
  })
}
