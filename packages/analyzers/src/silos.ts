import type { Commit, PullRequest, ReviewComment, Silo } from '@gitlore/core'
import { isMerge } from '@gitlore/core'
import { isBotAuthor, isReleaseSubject } from './automation.js'
import { compareText } from './compare-text.js'
import { parentDirectory } from './discussed-paths.js'
import { authorIdentity } from './identity.js'
import { ghostLogin } from './reviewer-activity.js'
import { share } from './round-ratio.js'

export interface SiloOptions {
  /** Identity -> the identity its person is counted under (the context's `identities`). */
  readonly canonical: ReadonlyMap<string, string>
  /** Lower-cased GitHub login -> git identity (`githubLoginIdentities`). */
  readonly loginIdentities: ReadonlyMap<string, string>
  /** Bot names beyond the built-in list. */
  readonly bots: ReadonlySet<string>
  /** Review comments and commits an area needs before it can be a silo; default 5. */
  readonly minActivity?: number
  /** Share of an area's commits and of its review comments one person must have; default 0.6. */
  readonly minShare?: number
}

function top(counts: ReadonlyMap<string, number>): { key: string; count: number; total: number } | null {
  let total = 0
  for (const count of counts.values()) total += count
  const [best] = [...counts].sort((x, y) => y[1] - x[1] || compareText(x[0], y[0]))
  return best === undefined ? null : { key: best[0], count: best[1], total }
}

/**
 * Knowledge silos: directories (a reviewed file's own directory) where one person both wrote most
 * of the commits (non-merge, automation left out; a commit counts once per directory it touches)
 * and gave most of the review comments on others' pull requests (replies included). Sorted by
 * review comments desc, path asc.
 */
export function computeSilos(
  commits: readonly Commit[],
  pullRequests: readonly PullRequest[],
  comments: readonly ReviewComment[],
  options: SiloOptions,
): Silo[] {
  const minActivity = options.minActivity ?? 5
  const minShare = options.minShare ?? 0.6
  const authorOf = new Map(pullRequests.map((pullRequest) => [pullRequest.number, pullRequest.author]))
  const reviewers = new Map<string, Map<string, number>>()
  for (const comment of comments) {
    if (comment.kind !== 'review_thread' || comment.path === undefined) continue
    const area = parentDirectory(comment.path)
    const tally = reviewers.get(area) ?? new Map<string, number>()
    for (const login of [comment.author, ...comment.replies.map((reply) => reply.author)]) {
      if (login === authorOf.get(comment.prNumber) || login === ghostLogin) continue
      tally.set(login, (tally.get(login) ?? 0) + 1)
    }
    reviewers.set(area, tally)
  }
  const writers = new Map<string, Map<string, number>>()
  for (const commit of commits) {
    if (isMerge(commit) || isBotAuthor(commit.author, options.bots) || isReleaseSubject(commit.subject)) continue
    const identity = authorIdentity(commit.author)
    const person = options.canonical.get(identity) ?? identity
    for (const area of new Set(commit.files.map((file) => parentDirectory(file.path)))) {
      if (!reviewers.has(area)) continue
      const tally = writers.get(area) ?? new Map<string, number>()
      tally.set(person, (tally.get(person) ?? 0) + 1)
      writers.set(area, tally)
    }
  }
  const silos: Silo[] = []
  for (const [area, tally] of reviewers) {
    const reviewer = top(tally)
    const writer = top(writers.get(area) ?? new Map())
    if (reviewer === null || writer === null || reviewer.total < minActivity || writer.total < minActivity) continue
    if (reviewer.count / reviewer.total < minShare || writer.count / writer.total < minShare) continue
    const identity = options.loginIdentities.get(reviewer.key.toLowerCase())
    if (identity === undefined || (options.canonical.get(identity) ?? identity) !== writer.key) continue
    silos.push({
      path: area,
      identity: writer.key,
      login: reviewer.key,
      commits: writer.total,
      writeShare: share(writer.count, writer.total),
      comments: reviewer.total,
      reviewShare: share(reviewer.count, reviewer.total),
    })
  }
  return silos.sort((x, y) => y.comments - x.comments || compareText(x.path, y.path))
}
