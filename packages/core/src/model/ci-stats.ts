import type { DurationSummary } from './review-stats.js'

/** A test runner whose failure output gitlore reads. */
export type TestRunner = 'pytest' | 'jest' | 'vitest' | 'go' | 'cargo' | 'junit'

/** One workflow over the window's completed runs. */
export interface CiWorkflowStats {
  readonly workflow: string
  /** `.github/workflows/ci.yml` */
  readonly path: string
  /** Runs whose latest attempt passed or failed. */
  readonly runs: number
  /** Of those, runs whose latest attempt failed (`failure`, `timed_out`, `startup_failure`). */
  readonly failures: number
  /** failures / runs, rounded to 4 decimals. */
  readonly failureRate: number
  /** Runs with more than one attempt. */
  readonly reruns: number
}

/** One job of one workflow over the latest attempts of the window's runs. */
export interface CiJobStats {
  readonly workflow: string
  readonly job: string
  readonly runs: number
  readonly failures: number
  readonly failureRate: number
  /** Runs where the job failed in an attempt and passed in a later attempt of the same run (same head sha). */
  readonly rerunPassed: number
  /** A failure followed, on the next run of the same branch, by a pass with no relevant change in between. */
  readonly alternations: number
}

/** A test that failed in the window, with how its failures ended. */
export interface CiTestStats {
  /** The runner's own id: `test/test_ops.py::test_conv2d`, `src/a.test.ts > suite > name`, `pkg.TestX`, `mod::tests::name`. */
  readonly test: string
  /** The test file, when the runner names it. */
  readonly file: string | null
  readonly runner: TestRunner
  readonly workflow: string
  readonly job: string
  /** Runs of the job (latest attempt passed or failed). */
  readonly runs: number
  /** Runs in which the test failed in any attempt. */
  readonly failedRuns: number
  /** Of those, runs with a later attempt that ran the job again. */
  readonly reruns: number
  /** Of those, runs where the job passed in a later attempt. */
  readonly rerunPassed: number
  readonly alternations: number
  /** True when a re-run or an alternation passed: the failure is not deterministic. */
  readonly flaky: boolean
  readonly lastFailedAt: string
  readonly lastFailedSha: string
}

/** A commit whose run turned the default branch red: the first failing run of a workflow after a passing one. */
export interface CiRedCommit {
  readonly sha: string
  readonly workflow: string
  readonly runId: number
  readonly url: string
  /** Completion of the failing run (ISO 8601). */
  readonly failedAt: string
  /** Author identity and subject from git; null when the commit is not in the analysed history. */
  readonly author: string | null
  readonly subject: string | null
  /** Files the commit touched (from git). */
  readonly files: readonly string[]
  /** The failing tests of that run, when its log was read. */
  readonly tests: readonly string[]
  /** Completion of the next passing run of the workflow on the default branch; null while still red. */
  readonly greenAt: string | null
  /** Head commit of that passing run. */
  readonly greenSha: string | null
  /** Author identity of the commit that turned it green (null when unknown or the same commit passed again). */
  readonly repairedBy: string | null
}

/** Lengths of the capped CI lists before the cap, and how many entries are flaky, so a reader knows what was cut. */
export interface CiListTotals {
  readonly workflows: number
  readonly jobStats: number
  readonly tests: number
  readonly redCommits: number
  readonly repairers: number
  /** Jobs with a re-run pass or an alternation. */
  readonly flakyJobs: number
  /** Tests with `flaky` true. */
  readonly flakyTests: number
  /** Red periods on the default branch that had not ended by the window's last run. */
  readonly stillRed: number
}

/** GitHub Actions statistics over the runs created in the window. */
export interface CiStats {
  /** The branch whose red and green periods are measured. */
  readonly defaultBranch: string | null
  readonly runs: number
  readonly attempts: number
  readonly jobs: number
  /** What became of failed jobs' logs. */
  readonly logs: { readonly stored: number; readonly expired: number; readonly unavailable: number }
  readonly workflows: readonly CiWorkflowStats[]
  readonly jobStats: readonly CiJobStats[]
  /** Failing tests: flaky ones first, then by failed runs. */
  readonly tests: readonly CiTestStats[]
  /** Hours from a red run's completion to the next green run's, on the default branch. */
  readonly timeToGreen: DurationSummary
  readonly redCommits: readonly CiRedCommit[]
  /** Who turned the default branch green again, by red periods repaired. */
  readonly repairers: readonly { readonly identity: string; readonly repairs: number }[]
  /** The lists' lengths before the cap (absent in contexts written before it was added). */
  readonly totals?: CiListTotals
}
