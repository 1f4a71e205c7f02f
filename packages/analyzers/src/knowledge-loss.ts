import type { KnowledgeLoss, KnowledgeLossAuthor, KnowledgeLossPath } from '@gitlore/core'
import { compareText } from './compare-text.js'
import { ownershipOf } from './ownership.js'
import type { PreparedCommit } from './prepare-commits.js'
import { share } from './round-ratio.js'

const dayMilliseconds = 86_400_000

export interface KnowledgeLossOptions {
  readonly inactiveDays: number
  /** Inactivity is measured back from this instant (ms since the epoch): the window's end. */
  readonly asOf: number
  /** Files that count: those at HEAD, not generated (unless included). */
  readonly counts: (path: string) => boolean
}

/**
 * Knowledge loss over the commits ownership counts: an author is inactive when their latest commit
 * is more than `inactiveDays` days before `asOf`; a file's main author (most commits; ties identity
 * asc) being inactive puts the file on the list, with the share of its commits by inactive authors.
 * Sorted by commits desc, path asc. The returned `asOf` is left for the caller to fill in.
 */
export function computeKnowledgeLoss(
  commits: readonly PreparedCommit[],
  options: KnowledgeLossOptions,
): Omit<KnowledgeLoss, 'asOf'> {
  const latest = new Map<string, { time: number; authoredAt: string }>()
  const byPath = new Map<string, Map<string, number>>()
  for (const { commit, identity, time, paths } of commits) {
    const known = latest.get(identity)
    if (known === undefined || time > known.time) latest.set(identity, { time, authoredAt: commit.authoredAt })
    for (const path of paths) {
      if (!options.counts(path)) continue
      let counts = byPath.get(path)
      if (counts === undefined) byPath.set(path, (counts = new Map()))
      counts.set(identity, (counts.get(identity) ?? 0) + 1)
    }
  }
  const cutoff = options.asOf - options.inactiveDays * dayMilliseconds
  const inactive = new Set([...latest].filter(([, last]) => last.time < cutoff).map(([identity]) => identity))
  const paths: KnowledgeLossPath[] = []
  for (const [path, counts] of byPath) {
    const owner = ownershipOf(path, counts)
    if (!inactive.has(owner.mainAuthor)) continue
    let inactiveCommits = 0
    for (const [identity, count] of counts) if (inactive.has(identity)) inactiveCommits += count
    paths.push({
      path,
      commits: owner.commits,
      mainAuthor: owner.mainAuthor,
      mainAuthorShare: owner.mainAuthorShare,
      mainAuthorLastCommit: (latest.get(owner.mainAuthor) as { authoredAt: string }).authoredAt,
      inactiveShare: share(inactiveCommits, owner.commits),
    })
  }
  paths.sort((x, y) => y.commits - x.commits || compareText(x.path, y.path))
  const authors = new Map<string, KnowledgeLossAuthor>()
  for (const { mainAuthor, mainAuthorLastCommit, commits: count } of paths) {
    const known = authors.get(mainAuthor)
    authors.set(mainAuthor, {
      identity: mainAuthor,
      lastCommit: mainAuthorLastCommit,
      files: (known?.files ?? 0) + 1,
      commits: (known?.commits ?? 0) + count,
    })
  }
  return {
    inactiveDays: options.inactiveDays,
    inactiveAuthors: inactive.size,
    authors: [...authors.values()].sort(
      (x, y) => y.files - x.files || y.commits - x.commits || compareText(x.identity, y.identity),
    ),
    paths,
  }
}
