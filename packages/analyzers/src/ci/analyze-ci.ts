import type { CiRun, CiStats, Commit } from '@gitlore/core'
import { capList } from '../cap-list.js'
import { CommitIndex } from './commit-range.js'
import { redPeriods } from './red-periods.js'
import { testStats, testStatsKey } from './test-stats.js'
import { workflowAndJobStats } from './workflow-stats.js'

export interface AnalyzeCiOptions {
  /** The branch whose red periods are measured; default the branch with the most push runs (`main` on a tie). */
  readonly defaultBranch?: string | null | undefined
  /** Lists are capped to this many entries, never fewer than 20; default 100. */
  readonly top?: number | undefined
}

/** The branch with the most push runs; `main`, then `master`, first on a tie. */
export function guessDefaultBranch(runs: readonly CiRun[]): string | null {
  const counts = new Map<string, number>()
  for (const run of runs)
    if (run.event === 'push' && run.branch !== null) counts.set(run.branch, (counts.get(run.branch) ?? 0) + 1)
  const rank = (branch: string) => (branch === 'main' ? 0 : branch === 'master' ? 1 : 2)
  return [...counts].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null
}

/**
 * GitHub Actions statistics over the window's runs (definitions in docs/context.md): failure rate per
 * workflow and job, flaky jobs and tests (a re-run of the same head passed, or the next run passed with
 * no relevant change), failing tests read from the runners' output, the commits that turned the default
 * branch red with the files they touched, time to green, and who repaired it. `commits` are the window's
 * commits (for files, authors and the changes between runs). Pure.
 */
export function analyzeCi(runs: readonly CiRun[], commits: readonly Commit[], options: AnalyzeCiOptions = {}): CiStats {
  const top = options.top ?? 100
  const index = new CommitIndex(commits)
  const defaultBranch = options.defaultBranch === undefined ? guessDefaultBranch(runs) : options.defaultBranch
  const { workflows, jobs } = workflowAndJobStats(runs, index)
  const jobRuns = new Map(jobs.map((job) => [testStatsKey(job.workflow, job.job), job.runs]))
  const red = redPeriods(runs, defaultBranch, index)
  const tests = testStats(runs, index, jobRuns)
  const allJobs = runs.flatMap((run) => run.attempts.flatMap((attempt) => attempt.jobs))
  const logs = { stored: 0, expired: 0, unavailable: 0 }
  for (const job of allJobs) if (job.log.status !== 'not_fetched') logs[job.log.status]++
  return {
    defaultBranch,
    runs: runs.length,
    attempts: runs.reduce((sum, run) => sum + run.attempts.length, 0),
    jobs: allJobs.length,
    logs,
    workflows: capList(workflows, top),
    jobStats: capList(jobs, top),
    tests: capList(tests, top),
    timeToGreen: red.timeToGreen,
    redCommits: capList(red.redCommits, top),
    repairers: capList(red.repairers, top),
    totals: {
      workflows: workflows.length,
      jobStats: jobs.length,
      tests: tests.length,
      redCommits: red.redCommits.length,
      repairers: red.repairers.length,
      flakyJobs: jobs.filter((job) => job.rerunPassed + job.alternations > 0).length,
      flakyTests: tests.filter((test) => test.flaky).length,
      stillRed: red.redCommits.filter((commit) => commit.greenAt === null).length,
    },
  }
}
