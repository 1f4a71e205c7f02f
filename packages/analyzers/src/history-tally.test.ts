import type { Commit } from '@gitlore/core'
import { buildHistoryFixture, buildSyntheticRepository, buildTeamFixture } from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { type AnalyzeHistoryOptions, analyzeHistory, finishHistory } from './analyze-history.js'
import { commitsFromGit } from './commits-from-git.test-helper.js'
import { headFilesFromGit } from './head-files.test-helper.js'
import { HistoryTally } from './history-tally.js'
import { loadTally, storeTally } from './history-tally-json.js'

/** A tally stored as JSON text and read back, as the cache keeps it between runs. */
function roundTrip(tally: HistoryTally): HistoryTally {
  return loadTally(JSON.parse(JSON.stringify(storeTally(tally)))) as HistoryTally
}

const histories: { name: string; commits: Commit[]; options: AnalyzeHistoryOptions }[] = []

beforeAll(async () => {
  const [history, team, synthetic] = await Promise.all([
    buildHistoryFixture(),
    buildTeamFixture(),
    buildSyntheticRepository({ commits: 300, files: 40, seed: 9 }),
  ])
  histories.push(
    { name: 'history fixture', commits: await commitsFromGit(history.dir), options: {} },
    {
      name: 'team fixture, automation and generated files included',
      commits: await commitsFromGit(team.dir),
      options: { includeAutomation: true, includeGenerated: true, headFiles: await headFilesFromGit(team.dir) },
    },
    {
      name: 'generated history, tight limits',
      commits: await commitsFromGit(synthetic),
      options: { maxChangesetSize: 4, minSharedCommits: 2, fixWindowDays: 2, top: 5, inactiveDays: 20 },
    },
  )
})

describe('HistoryTally', () => {
  it('gives the statistics of analysing every commit when commits are added on top of a stored window', () => {
    for (const { name, commits, options } of histories) {
      const whole = analyzeHistory(commits, options)
      for (const added of [1, 2, 7, Math.floor(commits.length / 2), commits.length]) {
        const stored = roundTrip(HistoryTally.of(commits.slice(added), options))
        stored.addOldestFirst(commits.slice(0, added).reverse())
        expect(finishHistory(stored, options), `${name}, ${added} added`).toEqual(whole)
        expect(storeTally(stored), `${name}, ${added} added`).toEqual(storeTally(HistoryTally.of(commits, options)))
      }
    }
  })

  it('finishes one tally under different choices as analysing the commits under each would', () => {
    const { commits } = histories[0] as { commits: Commit[] }
    const tally = roundTrip(HistoryTally.of(commits))
    for (const options of [
      { mergeIdentities: false },
      { includeAutomation: true },
      { until: '2025-06-01T00:00:00.000Z', inactiveDays: 10 },
      { top: 3, minSharedCommits: 1 },
    ]) {
      expect(finishHistory(tally, options)).toEqual(analyzeHistory(commits, options))
    }
  })

  it('ignores a tally stored by another version', () => {
    expect(loadTally({ ...storeTally(new HistoryTally()), version: 0 })).toBeNull()
    expect(loadTally(null)).toBeNull()
  })
})
