import type { CiRun, Commit } from '@gitlore/core'
import { validateContext } from '@gitlore/core'
import type { extractGitHistory } from '@gitlore/extractors'
import { brokenTest, type CiScenario, flakyTest } from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeHistory } from '../analyze-history.js'
import { buildContext } from '../build-context.js'
import { analyzeCi } from './analyze-ci.js'
import { loadCiScenario } from './ci-scenario.test-helper.js'

let scenario: CiScenario
let runs: readonly CiRun[]
let commits: readonly Commit[]
let history: Awaited<ReturnType<typeof extractGitHistory>>

beforeAll(async () => {
  ;({ scenario, runs, history } = await loadCiScenario())
  commits = history.commits
}, 60_000)

describe('CI statistics', () => {
  it('counts failure rates per workflow and job over latest attempts', () => {
    const stats = analyzeCi(runs, commits)
    expect(stats.defaultBranch).toBe('main')
    expect(stats.runs).toBe(41)
    // Four red runs on main (24, 25, 26, 39) and the pull request's.
    expect(stats.workflows).toEqual([
      { workflow: 'CI', path: '.github/workflows/ci.yml', runs: 41, failures: 5, failureRate: 0.122, reruns: 8 },
    ])
    const unit = stats.jobStats.find((job) => job.job === 'unit')
    expect(unit).toMatchObject({ runs: 41, failures: 5, rerunPassed: 6, alternations: 0 })
    expect(stats.jobStats.find((job) => job.job === 'lint')).toMatchObject({ runs: 41, failures: 0, failureRate: 0 })
    expect(stats.logs).toEqual({ stored: 11, expired: 2, unavailable: 0 })
  })

  it('tells the flaky test (passes when re-run) from the deterministic one (fails again on the same commit)', () => {
    const stats = analyzeCi(runs, commits)
    const flaky = stats.tests.find((test) => test.test === flakyTest)
    // Run 13's log expired, so six main runs and the pull request's are known to have failed on it.
    expect(flaky).toMatchObject({
      file: 'test/test_ops.py',
      runner: 'pytest',
      job: 'unit',
      runs: 41,
      failedRuns: 7,
      reruns: 6,
      rerunPassed: 5,
      flaky: true,
      lastFailedSha: scenario.shas[39],
    })
    const broken = stats.tests.find((test) => test.test === brokenTest)
    expect(broken).toMatchObject({ failedRuns: 2, reruns: 1, rerunPassed: 0, alternations: 0, flaky: false })
    expect(stats.tests[0]?.test).toBe(flakyTest)
  })

  it('names the commit that turned main red, its files, how long it stayed red, and who repaired it', () => {
    const stats = analyzeCi(runs, commits)
    const red = stats.redCommits.find((commit) => commit.sha === scenario.redSha)
    expect(red).toMatchObject({
      author: 'bob@example.com',
      subject: 'Speed up tokenizer',
      files: ['src/parser.py', 'src/util.py'],
      tests: [brokenTest],
      greenSha: scenario.fixSha,
      repairedBy: 'carol@example.com',
    })
    // The newest run failed on the flaky test: main is red now, with nobody having repaired it yet.
    expect(stats.redCommits[0]).toMatchObject({ sha: scenario.shas[39], greenAt: null, repairedBy: null })
    expect(stats.redCommits).toHaveLength(2)
    expect(stats.timeToGreen.count).toBe(1)
    // Red from run 24's last attempt to run 27's completion: 18 hours of commits, less the re-run's hour.
    expect(stats.timeToGreen.median).toBeGreaterThan(16)
    expect(stats.timeToGreen.median).toBeLessThan(18)
    expect(stats.repairers).toEqual([{ identity: 'carol@example.com', repairs: 1 }])
  })

  it('counts every list before its cap, so a report never states a capped length as a total', () => {
    const full = analyzeCi(runs, commits)
    expect(full.totals).toEqual({
      workflows: 1,
      jobStats: full.jobStats.length,
      tests: full.tests.length,
      redCommits: 2,
      repairers: 1,
      flakyJobs: full.jobStats.filter((job) => job.rerunPassed + job.alternations > 0).length,
      flakyTests: full.tests.filter((test) => test.flaky).length,
      stillRed: 1,
    })
    expect(full.totals?.flakyTests).toBeGreaterThan(0)
  })

  it('counts a failure that passes on the next run with only documentation in between as an alternation', () => {
    // Run 26 failed; pretend the next run was at a commit that changed only README.md.
    const docsOnly = commits.map((commit) =>
      commit.sha === scenario.fixSha
        ? {
            ...commit,
            files: [{ path: 'README.md', added: 1, removed: 0, status: 'modified' as const, binary: false }],
          }
        : commit,
    )
    const stats = analyzeCi(runs, docsOnly)
    expect(stats.tests.find((test) => test.test === brokenTest)).toMatchObject({ alternations: 1, flaky: true })
    expect(stats.jobStats.find((job) => job.job === 'unit')?.alternations).toBe(1)
  })

  it('fits the context schema, and says nothing of a repository without runs', () => {
    const context = { ...buildContext(history, analyzeHistory(commits)), ci: analyzeCi(runs, commits) }
    expect(() => validateContext(context)).not.toThrow()
    expect(() => validateContext({ ...context, ci: { ...context.ci, runs: -1 } })).toThrow(/ci\/runs/)
    expect(analyzeCi([], commits)).toMatchObject({
      runs: 0,
      defaultBranch: null,
      workflows: [],
      tests: [],
      redCommits: [],
    })
  })
})
