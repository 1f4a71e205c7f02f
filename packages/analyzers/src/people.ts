import type { PersonStats } from '@gitlore/core'
import type { CanonicalIdentity } from './canonical-identity.js'
import { compareText } from './compare-text.js'
import type { HistoryTally } from './history-tally.js'

interface PersonTally {
  name: string
  latest: number
  latestSeq: number
  lastCommit: string
  bot: boolean
  commits: number
  readonly files: Set<string>
}

/**
 * Authors (people, after merging identities) by commits desc, identity asc. `name` is the author
 * name on the person's latest commit by author time (the first in log order when several share
 * that instant), `lastCommit` that commit's author date; bots are marked.
 */
export function computePeople(tally: HistoryTally, canonical: CanonicalIdentity): PersonStats[] {
  const people = new Map<string, PersonTally>()
  for (const [raw, counts] of tally.identities) {
    const identity = canonical(raw)
    const latest = counts.latest
    let person = people.get(identity)
    if (person === undefined) {
      person = {
        name: latest.name,
        latest: latest.time,
        latestSeq: latest.seq,
        lastCommit: latest.authoredAt,
        bot: false,
        commits: 0,
        files: new Set(),
      }
      people.set(identity, person)
    } else if (latest.time > person.latest || (latest.time === person.latest && latest.seq > person.latestSeq)) {
      person.name = latest.name
      person.latest = latest.time
      person.latestSeq = latest.seq
      person.lastCommit = latest.authoredAt
    }
    person.commits += counts.commits
    person.bot ||= counts.bot
    for (const path of counts.files) person.files.add(path)
  }
  return [...people]
    .map(
      ([identity, person]): PersonStats => ({
        identity,
        name: person.name,
        commits: person.commits,
        files: person.files.size,
        lastCommit: person.lastCommit,
        ...(person.bot ? { automation: 'bot' as const } : {}),
      }),
    )
    .sort((x, y) => y.commits - x.commits || compareText(x.identity, y.identity))
}
