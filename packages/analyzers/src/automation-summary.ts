import type { Automation, PersonStats } from '@gitlore/core'
import type { PreparedCommit } from './prepare-commits.js'

/** Bot identities (from the full people list, in its order) and the commits left out as automation. */
export function summarizeAutomation(commits: readonly PreparedCommit[], people: readonly PersonStats[]): Automation {
  let releaseCommits = 0
  let automated = 0
  for (const { bot, release } of commits) {
    if (release) releaseCommits++
    if (bot || release) automated++
  }
  return {
    bots: people
      .filter((person) => person.automation === 'bot')
      .map(({ identity, name, commits: count }) => ({ identity, name, commits: count })),
    releaseCommits,
    commits: automated,
  }
}
