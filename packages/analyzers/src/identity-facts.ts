import type { IdentityFacts } from './merge-identities.js'
import type { PreparedCommit } from './prepare-commits.js'

/** What merging needs to know of each identity in the commits: names used, commits, latest name, bot or not. */
export function identityFacts(commits: readonly PreparedCommit[]): IdentityFacts[] {
  const facts = new Map<
    string,
    { names: Set<string>; commits: number; latest: number; latestName: string; bot: boolean }
  >()
  for (const { commit, identity, time, bot } of commits) {
    const known = facts.get(identity)
    if (known === undefined) {
      facts.set(identity, {
        names: new Set([commit.author.name]),
        commits: 1,
        latest: time,
        latestName: commit.author.name,
        bot,
      })
      continue
    }
    known.names.add(commit.author.name)
    known.commits++
    known.bot ||= bot
    if (time > known.latest) {
      known.latest = time
      known.latestName = commit.author.name
    }
  }
  return [...facts].map(([identity, { names, commits: count, latestName, bot }]) => ({
    identity,
    names,
    commits: count,
    latestName,
    bot,
  }))
}
