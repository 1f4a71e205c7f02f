import type { Commit, PullRequest } from '@gitlore/core'
import { isMerge } from '@gitlore/core'
import { compareText } from './compare-text.js'
import { authorIdentity } from './identity.js'
import { ghostLogin } from './reviewer-activity.js'

const noreply = /^(?:\d+\+)?([^@\s]+)@users\.noreply\.github\.com$/i
const prSuffix = /\(#(\d+)\)\s*$/

/** The GitHub login a `<id>+<login>@users.noreply.github.com` (or `<login>@users.noreply...`) identity belongs to, else null. */
export function noreplyLogin(identity: string): string | null {
  return noreply.exec(identity)?.[1] ?? null
}

/**
 * Which git identity (lower-cased email) each GitHub login commits as, learned from the history: a
 * non-merge commit whose subject ends in `(#N)` (GitHub's squash and rebase merges) was authored by
 * the author of pull request N. Each login takes the identity most of its pull requests' commits
 * used (ties: identity asc). Bots and deleted accounts are skipped. Keys are lower-cased logins.
 */
export function githubLoginIdentities(
  commits: readonly Commit[],
  pullRequests: readonly PullRequest[],
): ReadonlyMap<string, string> {
  const authorOf = new Map(pullRequests.map((pullRequest) => [pullRequest.number, pullRequest.author]))
  const votes = new Map<string, Map<string, number>>()
  for (const commit of commits) {
    if (isMerge(commit)) continue
    const number = prSuffix.exec(commit.subject)?.[1]
    const login = number === undefined ? undefined : authorOf.get(Number(number))
    if (login === undefined || login === ghostLogin || login.endsWith('[bot]')) continue
    const key = login.toLowerCase()
    const tally = votes.get(key) ?? new Map<string, number>()
    const identity = authorIdentity(commit.author)
    tally.set(identity, (tally.get(identity) ?? 0) + 1)
    votes.set(key, tally)
  }
  const identities = new Map<string, string>()
  for (const [login, tally] of votes) {
    const [best] = [...tally].sort((x, y) => y[1] - x[1] || compareText(x[0], y[0]))
    if (best) identities.set(login, best[0])
  }
  return identities
}
