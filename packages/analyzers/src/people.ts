import type { PersonStats } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { PreparedCommit } from './prepare-commits.js'

interface PersonTally {
  name: string
  latest: number
  lastCommit: string
  bot: boolean
  commits: number
  readonly files: Set<string>
}

/**
 * Authors by commits desc, identity asc. `name` is the author name on the person's latest commit
 * by author time (the first in input order when several share that instant), `lastCommit` that
 * commit's author date; bots are marked.
 */
export function computePeople(commits: readonly PreparedCommit[]): PersonStats[] {
  const tallies = new Map<string, PersonTally>()
  for (const { commit, identity, time, paths, bot } of commits) {
    let tally = tallies.get(identity)
    if (tally === undefined) {
      tally = {
        name: commit.author.name,
        latest: time,
        lastCommit: commit.authoredAt,
        bot,
        commits: 0,
        files: new Set(),
      }
      tallies.set(identity, tally)
    } else if (time > tally.latest) {
      tally.name = commit.author.name
      tally.latest = time
      tally.lastCommit = commit.authoredAt
    }
    tally.commits++
    tally.bot ||= bot
    for (const path of paths) tally.files.add(path)
  }
  return [...tallies]
    .map(
      ([identity, tally]): PersonStats => ({
        identity,
        name: tally.name,
        commits: tally.commits,
        files: tally.files.size,
        lastCommit: tally.lastCommit,
        ...(tally.bot ? { automation: 'bot' as const } : {}),
      }),
    )
    .sort((x, y) => y.commits - x.commits || compareText(x.identity, y.identity))
}
