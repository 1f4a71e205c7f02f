import type {
  CiJobStats,
  CiListTotals,
  CiRedCommit,
  CiTestStats,
  CiWorkflowStats,
  DurationSummary,
  RepositoryContext,
} from '@gitlore/core'
import { ciView } from '../shared/ci-view.js'

/** The CI statistics the data formats carry: the reports' lists (first rows of each) with the totals before the cap. */
export interface CiSummary {
  /** The branch whose red periods are measured. */
  readonly defaultBranch: string | null
  /** Workflow runs created in the window, their attempts and jobs. */
  readonly runs: number
  readonly attempts: number
  readonly jobs: number
  /** What became of failed jobs' logs. */
  readonly logs: { readonly stored: number; readonly expired: number; readonly unavailable: number }
  /** Workflows, most failures first. */
  readonly workflows: readonly CiWorkflowStats[]
  /** Jobs that failed or passed only when run again, most failures first. */
  readonly failingJobs: readonly CiJobStats[]
  /** Failing tests, flaky first. */
  readonly tests: readonly CiTestStats[]
  /** Commits that turned the default branch red, newest first. */
  readonly redCommits: readonly CiRedCommit[]
  /** Hours from red to green on the default branch. */
  readonly timeToGreen: DurationSummary
  /** Who turned the default branch green again, most repairs first. */
  readonly repairers: readonly { readonly identity: string; readonly repairs: number }[]
  /** The lists' lengths before any cap (context.json's `ci.totals`); null for a context written without them. */
  readonly totals: CiListTotals | null
}

/** The CI part of the data formats, or undefined when the run read no CI history. */
export function ciSummary(context: RepositoryContext): CiSummary | undefined {
  const view = ciView(context)
  if (view === null) return undefined
  const { stats } = view
  return {
    defaultBranch: stats.defaultBranch,
    runs: stats.runs,
    attempts: stats.attempts,
    jobs: stats.jobs,
    logs: { stored: stats.logs.stored, expired: stats.logs.expired, unavailable: stats.logs.unavailable },
    workflows: view.workflows.shown,
    failingJobs: view.jobs.shown,
    tests: view.tests.shown,
    redCommits: view.redCommits.shown,
    timeToGreen: stats.timeToGreen,
    repairers: view.repairers.shown,
    totals: view.totals,
  }
}
