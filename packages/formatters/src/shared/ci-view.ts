import type {
  CiJobStats,
  CiListTotals,
  CiRedCommit,
  CiStats,
  CiTestStats,
  CiWorkflowStats,
  RepositoryContext,
} from '@gitlore/core'
import { count, integer } from './plain-text.js'

/** Rows each CI list shows in a report or a data format (the rest stays in .gitlore/context.json). */
export const ciRowsShown = 10

/** A list as the reports show it: its first rows, and how many entries it has in all (null when unknown). */
export interface CiList<Entry> {
  readonly shown: readonly Entry[]
  /** Entries in the whole (uncapped) list; null for a context written without `ci.totals`. */
  readonly total: number | null
  /** The list's entries in context.json (capped there), of which `shown` are the first. */
  readonly stored: readonly Entry[]
}

/** The CI statistics a report shows, cut to `ciRowsShown` rows a list, with the totals that say what was cut. */
export interface CiView {
  readonly stats: CiStats
  readonly workflows: CiList<CiWorkflowStats>
  /** Jobs that failed or passed only when re-run (or on the next, unchanged run), most failures first. */
  readonly jobs: CiList<CiJobStats>
  /** Failing tests, flaky ones first. */
  readonly tests: CiList<CiTestStats>
  readonly redCommits: CiList<CiRedCommit>
  readonly repairers: CiList<{ readonly identity: string; readonly repairs: number }>
  readonly totals: CiListTotals | null
}

function list<Entry>(entries: readonly Entry[], total: number | undefined, rows: number): CiList<Entry> {
  return { shown: entries.slice(0, rows), total: total ?? null, stored: entries }
}

/** The CI part of a report, or null when the run read no CI history (then reports say nothing of CI). */
export function ciView(context: RepositoryContext, rows = ciRowsShown): CiView | null {
  const stats = context.ci
  if (stats === undefined) return null
  const totals = stats.totals ?? null
  const jobs = stats.jobStats.filter((job) => job.failures > 0 || isFlakyJob(job))
  // Every job that failed or is flaky is in the stored list only when the list was not cut.
  const jobsTotal = totals !== null && totals.jobStats === stats.jobStats.length ? jobs.length : undefined
  return {
    stats,
    workflows: list(stats.workflows, totals?.workflows, rows),
    jobs: list(jobs, jobsTotal, rows),
    tests: list(stats.tests, totals?.tests, rows),
    redCommits: list(stats.redCommits, totals?.redCommits, rows),
    repairers: list(stats.repairers, totals?.repairers, rows),
    totals,
  }
}

/** A job that failed and then passed with nothing changed: on a re-run, or on the next run of its branch. */
export function isFlakyJob(job: CiJobStats): boolean {
  return job.rerunPassed + job.alternations > 0
}

/** "7 of 40 runs failed; re-running passed 6 of 7; the next run passed with no relevant change 1 time". */
export function testEvidence(test: CiTestStats): string {
  const parts = [`failed in ${integer(test.failedRuns)} of ${count(test.runs, 'run')}`]
  if (test.reruns > 0) parts.push(`re-running passed ${integer(test.rerunPassed)} of ${integer(test.reruns)}`)
  if (test.alternations > 0) parts.push(`${alternationText(test.alternations)}`)
  return parts.join('; ')
}

/** "5 of 41 runs failed; 6 more failed and passed on a re-run". */
export function jobEvidence(job: CiJobStats): string {
  const parts = [`${integer(job.failures)} of ${count(job.runs, 'run')} failed`]
  if (job.rerunPassed > 0) parts.push(`${integer(job.rerunPassed)} more failed and passed on a re-run`)
  if (job.alternations > 0) parts.push(alternationText(job.alternations))
  return parts.join('; ')
}

function alternationText(alternations: number): string {
  return `the next run passed with no relevant change ${alternations === 1 ? 'once' : `${integer(alternations)} times`}`
}

/** What a failing test's history says: flaky, fails again when re-run, or not re-run. */
export function testVerdict(test: CiTestStats): string {
  if (test.flaky) return 'flaky'
  return test.reruns > 0 ? 'failed again on re-run' : 'not re-run'
}

/** Hours as people read them: minutes under an hour, days past two. */
export function duration(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`
  if (hours >= 48) return `${(hours / 24).toFixed(1)} days`
  return `${hours.toFixed(1)} h`
}

/** "back to green after 17.2 h" or "still red". */
export function greenText(red: CiRedCommit): string {
  if (red.greenAt === null) return 'still red'
  return `green after ${duration((Date.parse(red.greenAt) - Date.parse(red.failedAt)) / 3_600_000)}`
}

/** The time-to-green line: "median 17.2 h, 90th percentile 20.0 h over 3 red periods that ended; 1 still red". */
export function timeToGreenText(view: CiView): string {
  const { timeToGreen } = view.stats
  const stillRed = view.totals === null ? '' : `; ${integer(view.totals.stillRed)} still red`
  if (timeToGreen.count === 0 || timeToGreen.median === null) {
    return `no red period of the default branch ended in this window${stillRed}`
  }
  const p90 = timeToGreen.p90 === null ? '' : `, 90th percentile ${duration(timeToGreen.p90)}`
  return `median ${duration(timeToGreen.median)}${p90} over ${count(timeToGreen.count, 'red period')} that ended${stillRed}`
}

/** "3 of 12 shown", "all 4", or "the first 10" when the total is unknown: never a capped length as a total. */
export function shownText(list: CiList<unknown>, noun: string, plural = `${noun}s`): string {
  if (list.total === null) {
    const shown = count(list.shown.length, noun, plural)
    return list.stored.length > list.shown.length ? `the first ${shown}` : shown
  }
  return list.total > list.shown.length
    ? `${integer(list.shown.length)} of ${count(list.total, noun, plural)}`
    : count(list.total, noun, plural)
}
