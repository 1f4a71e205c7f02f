import type { HistoryTally } from './history-tally.js'
import type { IdentityFacts } from './merge-identities.js'

/** What merging needs to know of each identity in the commits: names used, commits, latest name, bot or not. */
export function identityFacts(tally: HistoryTally): IdentityFacts[] {
  return [...tally.identities].map(([identity, { names, commits, latest, bot }]) => ({
    identity,
    names,
    commits,
    latestName: latest.name,
    bot,
  }))
}
