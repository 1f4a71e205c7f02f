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

/** `[lower-cased login, identity]` for each non-merge commit ending in `(#N)` whose pull request N is known. */
function* pullRequestAuthorship(
  commits: readonly Commit[],
  pullRequests: readonly PullRequest[],
): Generator<readonly [string, string]> {
  const authorOf = new Map(pullRequests.map((pullRequest) => [pullRequest.number, pullRequest.author]))
  for (const commit of commits) {
    if (isMerge(commit)) continue
    const number = prSuffix.exec(commit.subject)?.[1]
    const login = number === undefined ? undefined : authorOf.get(Number(number))
    if (login === undefined || login === ghostLogin || login.endsWith('[bot]')) continue
    yield [login.toLowerCase(), authorIdentity(commit.author)]
  }
}

function vote(votes: Map<string, Map<string, number>>, key: string, value: string): void {
  const tally = votes.get(key) ?? new Map<string, number>()
  tally.set(value, (tally.get(value) ?? 0) + 1)
  votes.set(key, tally)
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
  const votes = new Map<string, Map<string, number>>()
  for (const [login, identity] of pullRequestAuthorship(commits, pullRequests)) vote(votes, login, identity)
  const identities = new Map<string, string>()
  for (const [login, tally] of votes) {
    const [best] = [...tally].sort((x, y) => y[1] - x[1] || compareText(x[0], y[0]))
    if (best) identities.set(login, best[0])
  }
  return identities
}

/**
 * Which GitHub login each git identity belongs to, learned as `githubLoginIdentities` does (a commit
 * ending in `(#N)` was authored by pull request N's author), from the identity's side: each identity
 * takes the login that authored most of its pull requests' commits; a tie links it to none. Used to
 * merge the identities one person committed under. Keys are identities, values lower-cased logins.
 */
export function githubIdentityLogins(
  commits: readonly Commit[],
  pullRequests: readonly PullRequest[],
): ReadonlyMap<string, string> {
  const votes = new Map<string, Map<string, number>>()
  for (const [login, identity] of pullRequestAuthorship(commits, pullRequests)) vote(votes, identity, login)
  const logins = new Map<string, string>()
  for (const [identity, tally] of votes) {
    const [best, next] = [...tally].sort((x, y) => y[1] - x[1] || compareText(x[0], y[0]))
    if (best !== undefined && (next === undefined || next[1] < best[1])) logins.set(identity, best[0])
  }
  return logins
}
