import type { KnowledgeMeta, PathKnowledge } from '../knowledge-model.js'
import { type BriefItem, recency } from './brief-item.js'

/** How a brief names an author: `Name <identity>`, or the identity alone when no name is known. */
export function personLabel(meta: KnowledgeMeta): (identity: string) => string {
  const names = new Map(meta.people.map((person) => [person.identity, person.name]))
  return (identity) => {
    const name = names.get(identity)
    return name === undefined || name === '' ? identity : `${name} <${identity}>`
  }
}

/**
 * Who to ask about the files: their active authors (most commits first), the reviewers who know
 * them or their directory, and files whose main author is no longer active.
 */
export function peopleItems(
  meta: KnowledgeMeta,
  entries: readonly PathKnowledge[],
  parents: ReadonlyMap<string, string | undefined>,
  found: ReadonlyMap<string, PathKnowledge>,
  asOf: number,
): BriefItem[] {
  const who = personLabel(meta)
  const items: BriefItem[] = []
  const authors = new Map<string, { commits: number; lastCommit: string; files: Map<string, number> }>()
  const commitsTo = new Map(entries.map((entry) => [entry.path, entry.authoredCommits]))
  for (const entry of entries) {
    for (const author of entry.authors) {
      if (!author.active) continue
      const known = authors.get(author.identity) ?? { commits: 0, lastCommit: author.lastCommit, files: new Map() }
      known.commits += author.commits
      if (author.lastCommit > known.lastCommit) known.lastCommit = author.lastCommit
      known.files.set(entry.path, author.commits)
      authors.set(author.identity, known)
    }
  }
  for (const [identity, author] of authors) {
    const files = [...author.files.keys()]
    const total = files.reduce((sum, path) => sum + (commitsTo.get(path) ?? 0), 0)
    items.push({
      text: `${who(identity)} ${authoredShares(author.files, commitsTo)}${files.length > 1 ? ',' : ''} and is still active here`,
      provenance: files.map((path) => ({ kind: 'path' as const, ref: path })),
      lastSeen: author.lastCommit,
      files,
      score: 2 * (author.commits / Math.max(1, total)) + recency(author.lastCommit, asOf),
    })
  }
  for (const entry of entries) {
    if (entry.mainAuthor === null) continue
    const main = entry.authors.find((author) => author.identity === entry.mainAuthor)
    if (main === undefined || main.active) continue
    const next = entry.authors.find((author) => author.active)
    items.push({
      text: `${entry.path}: its main author ${who(main.identity)} (${Math.round(entry.mainAuthorShare * 100)}% of its commits) has not committed in ${meta.inactiveDays} days${next === undefined ? ', and no active author has touched it' : `; ${who(next.identity)} is its most active author now`}`,
      provenance: [{ kind: 'path', ref: entry.path }],
      lastSeen: main.lastCommit,
      files: [entry.path],
      score: 2.5,
    })
  }
  const reviewers = new Map<string, { comments: number; lastAt: string; areas: Set<string> }>()
  const count = (entry: PathKnowledge | undefined, weight: number) => {
    for (const reviewer of entry?.reviewers ?? []) {
      const known = reviewers.get(reviewer.login) ?? { comments: 0, lastAt: reviewer.lastAt, areas: new Set() }
      known.comments += reviewer.comments * weight
      if (reviewer.lastAt > known.lastAt) known.lastAt = reviewer.lastAt
      known.areas.add((entry as PathKnowledge).path)
      reviewers.set(reviewer.login, known)
    }
  }
  for (const entry of entries) count(entry, 1)
  for (const parent of new Set(parents.values())) if (parent !== undefined) count(found.get(parent), 0.25)
  for (const [login, reviewer] of reviewers) {
    const areas = [...reviewer.areas]
    const on = areas.filter((area) => !area.endsWith('/'))
    const comments = Math.round(reviewer.comments)
    items.push({
      text: `${login} reviews here: ${on.length > 0 ? `${reviewComments(countComments(on, entries, login))} on ${on.join(', ')}` : `review comments in ${areas.join(', ')}`}`,
      provenance: areas.map((path) => ({ kind: 'path' as const, ref: path })),
      lastSeen: reviewer.lastAt,
      files: on,
      score: 1.5 * Math.log2(1 + comments) * recency(reviewer.lastAt, asOf),
    })
  }
  return items
}

function reviewComments(count: number): string {
  return `${count} review ${count === 1 ? 'comment' : 'comments'}`
}

function countComments(files: readonly string[], entries: readonly PathKnowledge[], login: string): number {
  let total = 0
  for (const entry of entries) {
    if (!files.includes(entry.path)) continue
    total += entry.reviewers.find((reviewer) => reviewer.login === login)?.comments ?? 0
  }
  return total
}

const shownFiles = 3

/**
 * `wrote 5 of the 9 commits to a.ts`, per file (most written first, at most three named): a commit
 * touching two of the files counts for each, so per-file numbers are the ones `git log -- FILE` checks.
 */
function authoredShares(files: ReadonlyMap<string, number>, commitsTo: ReadonlyMap<string, number>): string {
  const ranked = [...files].sort(([xPath, x], [yPath, y]) => y - x || (xPath < yPath ? -1 : 1))
  const shares = ranked
    .slice(0, shownFiles)
    .map(
      ([path, commits], at) => `${commits} of the ${commitsTo.get(path) ?? 0}${at === 0 ? ' commits' : ''} to ${path}`,
    )
  const rest = ranked.length - shownFiles
  const more = rest > 0 ? ` (and commits to ${rest} more of these files)` : ''
  return `wrote ${shares.join(', ')}${more}`
}
