import { ancestorDirectories, type CommentCategory } from '@gitlore/core'
import type { CommentKnowledge, KnowledgeMeta, PathKnowledge, ThemeKnowledge } from '../knowledge-model.js'
import type { KnowledgeReader } from '../knowledge-reader.js'
import { type BriefItem, recency, relayedText, short, topItems } from './brief-item.js'
import { conventionItems } from './convention-items.js'
import { findingItems } from './finding-items.js'
import { type IndexStatus, indexStatus } from './index-status.js'
import { itemLimit } from './item-limit.js'
import { peopleItems } from './people-items.js'
import { queryPath } from './query-path.js'
import { createRelayGuard } from './relay-guard.js'
import { taskTerms, termHits } from './task-terms.js'

/** What to brief on. */
export interface PlanningBriefInput {
  /** Files (or directories, ending in `/`) about to be changed, relative to the repository root. */
  readonly files: readonly string[]
  /** What the change is for, in plain words; ranks what matches it higher. */
  readonly task?: string
  /** Items per section; default 5, at most 20. */
  readonly limit?: number
}

/** What to know before touching some files, every item with provenance and when it was last seen. */
export interface PlanningBrief {
  readonly files: readonly string[]
  readonly task: string | null
  /** Asked files the index knows nothing about (new files, or untouched in the window). */
  readonly unknownFiles: readonly string[]
  /** What reviewers repeatedly ask for there. */
  readonly reviews: readonly BriefItem[]
  /** What tends to break after changes: fixes soon after, reverts, hubs, generated files. */
  readonly risks: readonly BriefItem[]
  /** Files that usually change with them and are not in the list. */
  readonly changeTogether: readonly BriefItem[]
  /** Who to ask: active authors, the reviewers who know the area, knowledge that left. */
  readonly people: readonly BriefItem[]
  /** How commits are written here. */
  readonly conventions: readonly BriefItem[]
  /** Findings of the last analysis that name these files or their directories. */
  readonly findings: readonly BriefItem[]
  /** Items left out because their text (a path, a name, a commit subject, a quote) addresses AI assistants. */
  readonly withheld: number
  readonly index: IndexStatus
}

/** Most files one brief covers. */
export const maxBriefFiles = 50

const categoryWeight: Readonly<Partial<Record<CommentCategory, number>>> = {
  bug: 3,
  security: 3,
  error_handling: 2.5,
  performance: 2,
  architecture: 2,
  testing: 2,
  documentation: 1.2,
  naming: 1,
  style: 1,
  process: 1,
  question: 0.6,
  nitpick: 0.5,
  praise: 0,
}

/** The brief, read from the index alone. */
export async function planningBrief(
  store: KnowledgeReader,
  meta: KnowledgeMeta,
  input: PlanningBriefInput,
  currentHead: string | null,
): Promise<PlanningBrief> {
  const limit = itemLimit(input.limit, 5, 20)
  const files = [...new Set(input.files.map((file) => queryPath(file, meta.repository.path)))]
  if (files.length > maxBriefFiles) files.length = maxBriefFiles
  const asked = new Set(files)
  const parents = new Map(files.map((file) => [file, ancestorDirectories(file).at(-1)] as const))
  const found = new Map(
    (await store.paths([...files, ...new Set([...parents.values()].flatMap((p) => p ?? []))])).map((entry) => [
      entry.path,
      entry,
    ]),
  )
  const entries = files.flatMap((file) => found.get(file) ?? [])
  const asOf = Date.parse(meta.window.until)
  const terms = taskTerms(input.task)
  const boost = (text: string) => 1 + termHits(terms, text)

  const guard = createRelayGuard()
  const top = (items: readonly BriefItem[]) => topItems(guard.items(items), limit)
  const reviews = await reviewItems(store, meta, files, entries, parents, found, asOf, terms, boost)
  const partners = await partnerItems(store, entries, asked, boost)
  const near = [
    ...entries,
    ...[...parents.values()].flatMap((parent) => (parent === undefined ? [] : (found.get(parent) ?? []))),
  ]
  return {
    files,
    task: input.task?.trim() || null,
    unknownFiles: files.filter((file) => !found.has(file)),
    reviews: top(reviews),
    risks: top(riskItems(entries, meta, asOf, boost)),
    changeTogether: top(partners),
    people: top(peopleItems(meta, entries, parents, found, asOf)),
    conventions: top(conventionItems(meta)),
    findings: top(await findingItems(store, near, asked, boost)),
    withheld: guard.withheld,
    index: indexStatus(meta, currentHead),
  }
}

async function reviewItems(
  store: KnowledgeReader,
  meta: KnowledgeMeta,
  files: readonly string[],
  entries: readonly PathKnowledge[],
  parents: ReadonlyMap<string, string | undefined>,
  found: ReadonlyMap<string, PathKnowledge>,
  asOf: number,
  terms: readonly string[],
  boost: (text: string) => number,
): Promise<BriefItem[]> {
  // Themes on the files count fully; themes elsewhere in their directories count half.
  const themeHits = new Map<string, { weight: number; files: Set<string>; areas: Set<string>; comments: number }>()
  const hit = (id: string, path: string, comments: number, weight: number) => {
    const known = themeHits.get(id) ?? { weight: 0, files: new Set<string>(), areas: new Set<string>(), comments: 0 }
    known.weight += comments * weight
    if (weight === 1) {
      known.comments += comments
      known.files.add(path)
    } else known.areas.add(path)
    themeHits.set(id, known)
  }
  for (const entry of entries) for (const theme of entry.themes) hit(theme.id, entry.path, theme.comments, 1)
  for (const file of files) {
    const parent = parents.get(file)
    const area = parent === undefined ? undefined : found.get(parent)
    for (const theme of area?.themes ?? []) hit(theme.id, parent as string, theme.comments, 0.5)
  }
  const themes = new Map((await store.themes([...themeHits.keys()])).map((theme) => [theme.id, theme] as const))
  const commentIds = new Set(entries.flatMap((entry) => entry.comments.newest))
  for (const theme of themes.values()) for (const id of theme.representatives.slice(0, 3)) commentIds.add(id)
  const comments = await store.comments([...commentIds])
  const onFiles = comments.filter((comment) => comment.path !== null && entries.some((e) => e.path === comment.path))
  const used = new Set<string>()
  const items: BriefItem[] = []

  for (const [id, { weight, files: filesHit, areas, comments: onAsked }] of themeHits) {
    const theme = themes.get(id)
    if (theme === undefined) continue
    const label = relayedText(theme.label, 100) ?? 'a recurring review theme'
    const sample =
      newest(onFiles.filter((comment) => comment.themeId === id && comment.quote !== null)) ??
      comments.find((comment) => comment.id === theme.representatives[0] && comment.quote !== null)
    if (sample !== undefined) used.add(sample.id)
    const place = [...(onAsked > 0 ? filesHit : areas)].join(', ')
    const text =
      onAsked > 0
        ? `Reviewers raised "${label}" ${times(onAsked)} on ${place} (${count(theme.size, 'comment')} in ${count(theme.prNumbers.length, 'PR')} across the repository)`
        : `In ${place}, reviewers keep raising "${label}" (${count(theme.size, 'comment')} in ${count(theme.prNumbers.length, 'PR')})`
    items.push({
      text,
      ...(sample?.quote == null ? {} : { quote: sample.quote }),
      provenance: sample === undefined ? themeProvenance(theme, meta) : [{ kind: 'pr', ref: sample.url }],
      lastSeen: sample?.createdAt ?? theme.lastSeen,
      files: [...filesHit],
      score: (2 + weight) * recency(theme.lastSeen, asOf) * boost(`${label} ${sample?.quote ?? ''}`),
    })
  }

  for (const comment of onFiles) {
    if (used.has(comment.id) || comment.quote === null) continue
    const weight = Math.max(0, ...comment.categories.map((category) => categoryWeight[category] ?? 1))
    if (comment.categories.length > 0 && weight === 0) continue
    const kinds = comment.categories.length === 0 ? '' : ` (${comment.categories.join(', ')})`
    items.push({
      text: `${comment.author} on #${comment.prNumber}${kinds}${comment.resolved === true ? ', resolved' : ''}`,
      quote: comment.quote,
      provenance: [{ kind: 'pr', ref: comment.url }],
      lastSeen: comment.createdAt,
      files: comment.path === null ? [] : [comment.path],
      score: (comment.categories.length === 0 ? 1 : weight) * recency(comment.createdAt, asOf) * boost(comment.quote),
    })
  }

  // What reviewers said elsewhere about what the task mentions.
  if (terms.length > 0) {
    const elsewhere = new Map<string, CommentKnowledge>()
    for (const term of terms.slice(0, 4)) {
      for (const comment of await store.searchComments({ terms: [term], limit: 20 })) {
        if (comment.quote !== null && !used.has(comment.id) && !onFiles.some((c) => c.id === comment.id)) {
          elsewhere.set(comment.id, comment)
        }
      }
    }
    for (const comment of elsewhere.values()) {
      const hits = termHits(terms, comment.quote ?? '')
      items.push({
        text: `On a related change, ${comment.author} on #${comment.prNumber}${comment.path === null ? '' : ` (${comment.path})`}`,
        quote: comment.quote as string,
        provenance: [{ kind: 'pr', ref: comment.url }],
        lastSeen: comment.createdAt,
        files: [],
        score: 0.5 * hits * recency(comment.createdAt, asOf),
      })
    }
  }
  return items
}

function themeProvenance(theme: ThemeKnowledge, meta: KnowledgeMeta): BriefItem['provenance'] {
  const pr = theme.prNumbers[0]
  if (pr !== undefined && meta.repository.github !== null) {
    return [{ kind: 'pr', ref: `https://github.com/${meta.repository.github}/pull/${pr}` }]
  }
  return theme.files.slice(0, 1).map((path) => ({ kind: 'path', ref: path }))
}

function riskItems(
  entries: readonly PathKnowledge[],
  meta: KnowledgeMeta,
  asOf: number,
  boost: (text: string) => number,
): BriefItem[] {
  const items: BriefItem[] = []
  for (const entry of entries) {
    if (entry.atHead === false) {
      items.push({
        text: `${entry.path} no longer exists at HEAD: what follows is its history (last changed ${entry.lastChanged?.slice(0, 10) ?? 'in the window'})`,
        provenance: [{ kind: 'path', ref: entry.path }],
        lastSeen: entry.lastChanged,
        files: [entry.path],
        score: 10,
      })
    }
    if (entry.generated !== null) {
      items.push({
        text: `${entry.path} is generated or vendored (${entry.generated}): change what produces it, not the file`,
        provenance: [{ kind: 'path', ref: entry.path }],
        lastSeen: entry.lastChanged,
        files: [entry.path],
        score: 5,
      })
    }
    if (entry.fixes !== null && entry.fixes.count > 0) {
      const examples = entry.fixes.examples.slice(0, 2)
      const shown = examples.map((example) => `${short(example.fix)} fixed after ${short(example.before)}`).join('; ')
      const text = `${entry.path}: ${entry.fixes.count} fix ${entry.fixes.count === 1 ? 'commit' : 'commits'} came within ${meta.fixWindowDays} days of another change to it (of ${entry.commits} commits)${shown === '' ? '' : `, e.g. ${shown}`}`
      items.push({
        text,
        // A fix that followed a fix is both: each commit is cited once.
        provenance: [...new Set(examples.flatMap((example) => [example.fix, example.before]))].map((ref) => ({
          kind: 'commit' as const,
          ref,
        })),
        lastSeen: examples[0]?.at ?? entry.lastChanged,
        files: [entry.path],
        score:
          (1 + entry.fixes.count / Math.max(1, entry.commits)) *
          2 *
          recency(examples[0]?.at ?? null, asOf) *
          boost(text),
      })
    }
    for (const [index, revert] of entry.reverts.slice(0, 2).entries()) {
      const subject = relayedText(revert.subject, 80)
      const undone = revert.revertedCommit === null ? '' : `, undoing ${short(revert.revertedCommit)}`
      const count =
        index === 0 && entry.revertCount > 1 ? ` (${entry.revertCount} reverts touched it in the window)` : ''
      const text = `${entry.path} was reverted by ${short(revert.sha)}${subject === null ? '' : ` ("${subject}")`}${undone}${count}`
      items.push({
        text,
        provenance: [
          { kind: 'commit', ref: revert.sha },
          ...(revert.revertedCommit === null ? [] : [{ kind: 'commit' as const, ref: revert.revertedCommit }]),
        ],
        lastSeen: revert.at,
        files: [entry.path],
        score: 3 * recency(revert.at, asOf) * boost(text),
      })
    }
    for (const test of entry.ci?.tests ?? []) {
      const text = `${test.test} failed in ${test.failedRuns} of ${test.runs} runs of ${test.workflow} / ${test.job}${test.flaky ? ': not deterministic (a re-run or the next run passed)' : ''}`
      items.push({
        text,
        provenance: [
          { kind: 'path', ref: entry.path },
          { kind: 'commit', ref: test.lastFailedSha },
        ],
        lastSeen: test.lastFailedAt,
        files: [entry.path],
        score: (2 + test.failedRuns / Math.max(1, test.runs)) * recency(test.lastFailedAt, asOf) * boost(text),
      })
    }
    for (const red of entry.ci?.redCommits ?? []) {
      const repaired =
        red.greenAt === null
          ? 'it is still red'
          : red.repairedBy === null
            ? 'a later run passed'
            : `${red.repairedBy} made it pass again`
      const text = `${short(red.sha)} changed ${entry.path} and turned ${red.workflow} red on the default branch; ${repaired}`
      items.push({
        text,
        provenance: [
          { kind: 'commit', ref: red.sha },
          { kind: 'run', ref: red.url },
        ],
        lastSeen: red.failedAt,
        files: [entry.path],
        score: 3 * recency(red.failedAt, asOf) * boost(text),
      })
    }
    if (entry.hubPartners !== null && entry.hubPartners >= 3) {
      items.push({
        text: `${entry.path} is a hub: it changes together with ${entry.hubPartners} other files, so a change here often needs changes there`,
        provenance: [{ kind: 'path', ref: entry.path }],
        lastSeen: entry.lastChanged,
        files: [entry.path],
        score: 1 + Math.log2(entry.hubPartners),
      })
    }
  }
  return items
}

async function partnerItems(
  store: KnowledgeReader,
  entries: readonly PathKnowledge[],
  asked: ReadonlySet<string>,
  boost: (text: string) => number,
): Promise<BriefItem[]> {
  const best = new Map<string, { file: string; commits: number; shared: number; degree: number }>()
  for (const entry of entries) {
    for (const partner of entry.partners) {
      if (asked.has(partner.path)) continue
      const known = best.get(partner.path)
      if (
        known === undefined ||
        partner.shared > known.shared ||
        (partner.shared === known.shared && partner.degree > known.degree)
      ) {
        best.set(partner.path, {
          file: entry.path,
          commits: entry.commits,
          shared: partner.shared,
          degree: partner.degree,
        })
      }
    }
  }
  const candidates = [...best].sort(([, x], [, y]) => y.shared - x.shared || y.degree - x.degree).slice(0, 40)
  const partners = new Map(
    (await store.paths(candidates.map(([path]) => path))).map((entry) => [entry.path, entry] as const),
  )
  return candidates.flatMap(([path, pair]) => {
    const entry = partners.get(path)
    // A partner deleted since is history, not advice.
    if (entry?.atHead === false) return []
    const text = `${path} changed in ${pair.shared} of the ${pair.commits} commits to ${pair.file} (coupling degree ${pair.degree})`
    return [
      {
        text,
        provenance: [
          { kind: 'path', ref: path },
          { kind: 'path', ref: pair.file },
        ],
        lastSeen: entry?.lastChanged ?? null,
        files: [pair.file],
        // How strongly they change together, not how recently the partner changed on its own.
        score: pair.shared * (0.5 + pair.degree) * boost(text),
      },
    ]
  })
}

function newest(comments: readonly CommentKnowledge[]): CommentKnowledge | undefined {
  let best: CommentKnowledge | undefined
  for (const comment of comments) if (best === undefined || comment.createdAt > best.createdAt) best = comment
  return best
}

function times(value: number): string {
  return value === 1 ? 'once' : `${value} times`
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`
}
