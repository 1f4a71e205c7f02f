import type { Automation, PersonStats } from '@gitlore/core'
import type { HistoryTally } from './history-tally.js'

/** Bot identities (from the full people list, in its order) and the commits left out as automation. */
export function summarizeAutomation(tally: HistoryTally, people: readonly PersonStats[]): Automation {
  return {
    bots: people
      .filter((person) => person.automation === 'bot')
      .map(({ identity, name, commits: count }) => ({ identity, name, commits: count })),
    releaseCommits: tally.releaseCommits,
    commits: tally.automatedCommits,
  }
}
