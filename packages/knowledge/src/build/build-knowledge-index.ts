import type {
  ClassifiedComment,
  CommentCategory,
  ConventionExamples,
  Finding,
  HistoryStats,
  PathAuthorship,
  PullRequest,
  RepositoryContext,
  ReviewCluster,
  ReviewComment,
} from '@gitlore/core'
import { ancestorDirectories, assistantQuote, historyReverts } from '@gitlore/core'
import {
  type CommentKnowledge,
  type KnowledgeIndex,
  type KnowledgeMeta,
  knowledgeFormatVersion,
  type PathCiTest,
  type PathKnowledge,
  type PathPartner,
  type PathRedCommit,
  type PathRevert,
  type PersonActivity,
  type ThemeKnowledge,
} from '../knowledge-model.js'
import { findingPaths } from './finding-paths.js'
import { tallyReviewers } from './tally-reviewers.js'

/** Review data of the run, when there was any. */
export interface KnowledgeReviewSources {
  /** `owner/name` on GitHub. */
  readonly repository: string
  /** Every review comment of the window (bots and trivia already left out). */
  readonly comments: readonly ReviewComment[]
  /** What the classifier made of them. */
  readonly classified?: readonly ClassifiedComment[]
  /** Review themes. */
  readonly clusters?: readonly ReviewCluster[]
  /** The pull requests, so their authors' own answers are not counted as reviewing. */
  readonly pullRequests?: readonly PullRequest[]
}

/** What an index is built from: one run's results. */
export interface KnowledgeSources {
  /** The run's repository context (repository, window, conventions). */
  readonly context: RepositoryContext
  /**
   * Statistics of the same window with no list capped (`analyzeHistory` with a `top` of
   * `Number.MAX_SAFE_INTEGER`), so every path's partners, fixes and reverts are complete.
   */
  readonly history: HistoryStats
  /** Authors of every file and directory (`analyzeAuthorship` with the same options). */
  readonly authorship: readonly PathAuthorship[]
  /** Author dates of the commits the history names (fixes, reverts), so answers can say when. */
  readonly commitDates?: ReadonlyMap<string, string>
  /** The newest commit following each commit-message convention (`conventionExamples` of analyzers). */
  readonly conventionExamples?: ConventionExamples
  /** The run's findings. */
  readonly findings?: readonly Finding[]
  /** Who wrote the findings (`offline` or a model name). */
  readonly synthesizer?: string
  /** The stored run the index comes from. */
  readonly runId?: string
  /** When the index was built; default now. */
  readonly builtAt?: string
  readonly reviews?: KnowledgeReviewSources
}

/** Authors kept per path (the count before the cap is kept too). */
const maxAuthors = 10
/** Active authors kept beyond the top `maxAuthors`, so "who is still here" survives the cap. */
const maxActiveBeyond = 5
/** Newest comment ids kept per path. */
const maxComments = 20
/** Newest reverts kept per path. */
const maxReverts = 10
/** CI tests and red commits kept per file. */
const maxCiItems = 10
/** Characters of a comment kept as its quote. */
const quoteLength = 220
const dayMilliseconds = 86_400_000

/**
 * The knowledge index of one run: per file and directory what history, reviews and findings say
 * about it, every review comment as a short quote safe to hand an AI assistant, the review
 * themes, the findings, and repository-wide knowledge (conventions, who is active). Pure.
 */
export function buildKnowledgeIndex(sources: KnowledgeSources): KnowledgeIndex {
  const { context, history } = sources
  const findings = sources.findings ?? []
  const reviewComments = sources.reviews?.comments ?? []
  const clusters = sources.reviews?.clusters ?? []
  const inactiveDays = history.knowledgeLoss.inactiveDays
  const asOf = Date.parse(history.knowledgeLoss.asOf)
  const activeSince = asOf - inactiveDays * dayMilliseconds

  const people: PersonActivity[] = history.people
    .filter((person) => person.automation === undefined)
    .map((person) => ({
      identity: person.identity,
      name: person.name,
      commits: person.commits,
      lastCommit: person.lastCommit,
      active: Date.parse(person.lastCommit) >= activeSince,
    }))
  const activeIdentities = new Set(people.filter((person) => person.active).map((person) => person.identity))
  const lastCommits = new Map(history.people.map((person) => [person.identity, person.lastCommit]))

  const memberTheme = new Map<string, string>()
  for (const cluster of clusters) for (const member of cluster.members) memberTheme.set(member, cluster.id)
  const comments = commentKnowledge(reviewComments, sources.reviews?.classified ?? [], memberTheme)
  const commentsById = new Map(reviewComments.map((comment) => [comment.id, comment]))
  const themes = clusters.map((cluster) => themeKnowledge(cluster, commentsById))

  const prAuthors = new Map((sources.reviews?.pullRequests ?? []).map((pr) => [pr.number, pr.author]))
  const paths = new PathTable(sources.authorship, activeIdentities, lastCommits, prAuthors)
  for (const hotspot of history.hotspots) {
    paths.file(hotspot.path).history = {
      commits: hotspot.commits,
      churn: hotspot.churn,
      lastChanged: hotspot.lastChanged,
    }
  }
  for (const fact of history.files) {
    const entry = paths.file(fact.path)
    entry.atHead = fact.atHead
    entry.generated = fact.generated ?? null
  }
  for (const pair of history.coupling) {
    paths.file(pair.a).partners.push({ path: pair.b, shared: pair.shared, degree: pair.degree })
    paths.file(pair.b).partners.push({ path: pair.a, shared: pair.shared, degree: pair.degree })
  }
  for (const hub of history.hubs) paths.file(hub.path).hubPartners = hub.partners
  const dateOf = (sha: string) => sources.commitDates?.get(sha) ?? null
  for (const fix of history.fixAfter) {
    paths.file(fix.path).fixes = {
      count: fix.fixes,
      examples: fix.examples.map((example) => ({ ...example, at: dateOf(example.fix) })),
    }
  }
  // Reverts come in log order (newest first); each path keeps its newest. Only the reverts that
  // undid something in the history: a squash-merged pull request whose body holds an inner revert
  // of a commit of its own branch merely touched its files.
  for (const revert of historyReverts(history.reverts)) {
    const entry: PathRevert = {
      sha: revert.sha,
      subject: revert.subject,
      revertedCommit: revert.revertedCommit,
      at: dateOf(revert.sha),
    }
    for (const path of revert.files) paths.file(path).reverts.push(entry)
  }
  // A finding belongs to the paths it names (a directory finding names the directory), not to their
  // ancestors: a brief on one file must not list findings about its siblings.
  for (const finding of findings) {
    for (const path of findingPaths(finding)) paths.file(path).findings.add(finding.id)
  }
  for (const comment of [...reviewComments].sort(newestFirst)) {
    if (comment.path === undefined) continue
    const theme = memberTheme.get(comment.id)
    paths.both(comment.path, (entry) => {
      entry.comments.push(comment)
      if (theme !== undefined) entry.themes.set(theme, (entry.themes.get(theme) ?? 0) + 1)
    })
  }

  const ci = context.ci
  for (const test of ci?.tests ?? []) {
    if (test.file === null) continue
    paths.file(test.file).ciTests.push({
      test: test.test,
      workflow: test.workflow,
      job: test.job,
      runs: test.runs,
      failedRuns: test.failedRuns,
      flaky: test.flaky,
      lastFailedAt: test.lastFailedAt,
      lastFailedSha: test.lastFailedSha,
    })
  }
  for (const red of ci?.redCommits ?? []) {
    for (const path of red.files) {
      paths.file(path).redCommits.push({
        sha: red.sha,
        workflow: red.workflow,
        url: red.url,
        failedAt: red.failedAt,
        repairedBy: red.repairedBy,
        greenAt: red.greenAt,
      })
    }
  }

  const themeLabels = new Map(themes.map((theme) => [theme.id, theme.label]))
  const pathEntries = paths.entries(themeLabels)
  const meta: KnowledgeMeta = {
    formatVersion: knowledgeFormatVersion,
    repository: {
      path: context.repo.path,
      remote: context.repo.remote,
      github: sources.reviews?.repository ?? null,
    },
    head: context.repo.head ?? '',
    builtAt: sources.builtAt ?? new Date().toISOString(),
    runId: sources.runId ?? null,
    window: context.window,
    synthesizer: findings.length > 0 ? (sources.synthesizer ?? null) : null,
    inactiveDays,
    fixWindowDays: history.settings.fixWindowDays,
    conventions: history.conventions,
    conventionExamples: sources.conventionExamples ?? {},
    people,
    reviewers: tallyReviewers(reviewComments, prAuthors),
    categories: categoryCounts(comments),
    topDirectories: pathEntries
      .filter((entry) => entry.kind === 'directory' && entry.path.indexOf('/') === entry.path.length - 1)
      .sort((x, y) => y.commits - x.commits || (x.path < y.path ? -1 : 1))
      .map((entry) => entry.path),
    counts: {
      commits: history.commits.total,
      files: pathEntries.filter((entry) => entry.kind === 'file').length,
      comments: comments.length,
      themes: themes.length,
      findings: findings.length,
    },
  }
  return { meta, paths: pathEntries, comments, themes, findings }
}

/** The top authors by commits, then the most committing active ones beyond them. */
function keptAuthors<T extends { readonly identity: string }>(authors: readonly T[], active: ReadonlySet<string>): T[] {
  const top = authors.slice(0, maxAuthors)
  const beyond = authors.slice(maxAuthors).filter((author) => active.has(author.identity))
  return [...top, ...beyond.slice(0, maxActiveBeyond)]
}

function newestFirst(x: { readonly createdAt: string }, y: { readonly createdAt: string }): number {
  return x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0
}

function commentKnowledge(
  comments: readonly ReviewComment[],
  classified: readonly ClassifiedComment[],
  theme: ReadonlyMap<string, string>,
): CommentKnowledge[] {
  const categories = new Map<string, readonly CommentCategory[]>()
  for (const item of classified) if (item.status === 'classified') categories.set(item.comment.id, item.categories)
  return comments.map((comment) => ({
    id: comment.id,
    prNumber: comment.prNumber,
    url: comment.url,
    author: comment.author,
    createdAt: comment.createdAt,
    path: comment.path ?? null,
    line: comment.line ?? null,
    categories: categories.get(comment.id) ?? [],
    resolved: comment.kind === 'review_thread' ? (comment.isResolved ?? false) : null,
    themeId: theme.get(comment.id) ?? null,
    quote: assistantQuote(comment.body, quoteLength),
  }))
}

function themeKnowledge(cluster: ReviewCluster, comments: ReadonlyMap<string, ReviewComment>): ThemeKnowledge {
  let lastSeen: string | null = null
  for (const member of cluster.members) {
    const createdAt = comments.get(member)?.createdAt
    if (createdAt !== undefined && (lastSeen === null || createdAt > lastSeen)) lastSeen = createdAt
  }
  return {
    id: cluster.id,
    label: cluster.label,
    size: cluster.size,
    categories: cluster.categories,
    files: cluster.files,
    prNumbers: cluster.prNumbers,
    resolvedShare: cluster.resolvedShare,
    lastSeen,
    representatives: cluster.representatives,
  }
}

function categoryCounts(comments: readonly CommentKnowledge[]): Partial<Record<CommentCategory, number>> {
  const counts: Partial<Record<CommentCategory, number>> = {}
  for (const comment of comments) {
    for (const category of comment.categories) counts[category] = (counts[category] ?? 0) + 1
  }
  return counts
}

/** A path's entry while the index is built. */
interface Draft {
  readonly path: string
  history: { commits: number; churn: number; lastChanged: string } | null
  atHead: boolean | null
  generated: string | null
  readonly partners: PathPartner[]
  hubPartners: number | null
  fixes: PathKnowledge['fixes']
  readonly reverts: PathRevert[]
  readonly findings: Set<string>
  /** Newest first. */
  readonly comments: ReviewComment[]
  readonly themes: Map<string, number>
  readonly ciTests: PathCiTest[]
  readonly redCommits: PathRedCommit[]
}

/** Drafts of every file and directory the sources name. */
class PathTable {
  private readonly drafts = new Map<string, Draft>()
  private readonly authorship: ReadonlyMap<string, PathAuthorship>

  constructor(
    authorship: readonly PathAuthorship[],
    private readonly active: ReadonlySet<string>,
    private readonly lastCommits: ReadonlyMap<string, string>,
    private readonly prAuthors: ReadonlyMap<number, string>,
  ) {
    this.authorship = new Map(authorship.map((entry) => [entry.path, entry]))
    for (const entry of authorship) this.draft(entry.path)
  }

  file(path: string): Draft {
    for (const directory of ancestorDirectories(path)) this.draft(directory)
    return this.draft(path)
  }

  /** Applies `update` to the file and to each directory above it. */
  both(path: string, update: (draft: Draft) => void): void {
    update(this.file(path))
    for (const directory of ancestorDirectories(path)) update(this.draft(directory))
  }

  entries(themeLabels: ReadonlyMap<string, string>): PathKnowledge[] {
    const directoryHistory = new Map<string, { commits: number; churn: number; lastChanged: string | null }>()
    for (const draft of this.drafts.values()) {
      if (draft.history === null) continue
      for (const directory of ancestorDirectories(draft.path)) {
        const known = directoryHistory.get(directory) ?? { commits: 0, churn: 0, lastChanged: null }
        known.churn += draft.history.churn
        if (known.lastChanged === null || draft.history.lastChanged > known.lastChanged) {
          known.lastChanged = draft.history.lastChanged
        }
        directoryHistory.set(directory, known)
      }
    }
    return [...this.drafts.values()]
      .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
      .map((draft) => {
        const directory = draft.path.endsWith('/')
        const authorship = this.authorship.get(draft.path)
        const summary = directory ? directoryHistory.get(draft.path) : draft.history
        return {
          path: draft.path,
          kind: directory ? 'directory' : 'file',
          commits: directory ? (authorship?.commits ?? 0) : (draft.history?.commits ?? 0),
          churn: summary?.churn ?? 0,
          lastChanged: summary?.lastChanged ?? null,
          atHead: directory ? null : draft.atHead,
          generated: draft.generated,
          authoredCommits: authorship?.commits ?? 0,
          authors: keptAuthors(authorship?.authors ?? [], this.active).map((author) => ({
            identity: author.identity,
            commits: author.commits,
            lastCommit: this.lastCommits.get(author.identity) ?? '',
            active: this.active.has(author.identity),
          })),
          authorCount: authorship?.authors.length ?? 0,
          mainAuthor: authorship?.mainAuthor ?? null,
          mainAuthorShare: authorship?.mainAuthorShare ?? 0,
          busFactor: authorship?.busFactor ?? 0,
          partners: draft.partners.sort(
            (x, y) => y.shared - x.shared || y.degree - x.degree || (x.path < y.path ? -1 : 1),
          ),
          hubPartners: draft.hubPartners,
          fixes: draft.fixes,
          reverts: draft.reverts.slice(0, maxReverts),
          revertCount: draft.reverts.length,
          findings: [...draft.findings],
          comments: { total: draft.comments.length, newest: draft.comments.slice(0, maxComments).map((c) => c.id) },
          themes: [...draft.themes]
            .map(([id, comments]) => ({ id, label: themeLabels.get(id) ?? id, comments }))
            .sort((x, y) => y.comments - x.comments || (x.id < y.id ? -1 : 1)),
          reviewers: tallyReviewers(draft.comments, this.prAuthors),
          ci:
            directory || (draft.ciTests.length === 0 && draft.redCommits.length === 0)
              ? null
              : { tests: draft.ciTests.slice(0, maxCiItems), redCommits: draft.redCommits.slice(0, maxCiItems) },
        }
      })
  }

  private draft(path: string): Draft {
    let draft = this.drafts.get(path)
    if (draft === undefined) {
      draft = {
        path,
        history: null,
        atHead: null,
        generated: null,
        partners: [],
        hubPartners: null,
        fixes: null,
        reverts: [],
        findings: new Set(),
        comments: [],
        themes: new Map(),
        ciTests: [],
        redCommits: [],
      }
      this.drafts.set(path, draft)
    }
    return draft
  }
}
