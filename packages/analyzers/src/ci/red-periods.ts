import type { CiRedCommit, CiRun, DurationSummary } from '@gitlore/core'
import { compareText } from '../compare-text.js'
import { hoursBetween, summarizeDurations } from '../duration-summary.js'
import { authorIdentity } from '../identity.js'
import type { CommitIndex } from './commit-range.js'
import { chronological, finishedAt, latestAttempt, outcomeOf } from './run-outcome.js'
import { failingTestsOf } from './test-stats.js'

/**
 * Red periods of the default branch, per workflow: from the first failing run after a passing one to
 * the next passing run (runs in creation order, latest attempts). Returns the commits that turned it
 * red, the time to green of the periods that ended, and who repaired them.
 */
export function redPeriods(
  runs: readonly CiRun[],
  branch: string | null,
  commits: CommitIndex,
): {
  redCommits: CiRedCommit[]
  timeToGreen: DurationSummary
  repairers: { identity: string; repairs: number }[]
} {
  const byWorkflow = new Map<string, CiRun[]>()
  for (const run of chronological(runs)) {
    if (branch === null || run.branch !== branch || latestAttempt(run)?.status !== 'completed') continue
    if (outcomeOf(latestAttempt(run)?.conclusion ?? null) === null) continue
    byWorkflow.set(run.workflow.path, [...(byWorkflow.get(run.workflow.path) ?? []), run])
  }
  const redCommits: CiRedCommit[] = []
  const hours: number[] = []
  const repairs = new Map<string, number>()
  for (const line of byWorkflow.values()) {
    let previous: 'pass' | 'fail' | null = null
    let open: CiRedCommit | null = null
    for (const run of line) {
      const outcome = outcomeOf(latestAttempt(run)?.conclusion ?? null)
      if (outcome === 'fail' && previous === 'pass') {
        const commit = commits.get(run.headSha)
        open = {
          sha: run.headSha,
          workflow: run.workflow.name,
          runId: run.id,
          url: run.url,
          failedAt: finishedAt(run),
          author: commit === undefined ? null : authorIdentity(commit.author),
          subject: commit?.subject ?? null,
          files: commit === undefined ? [] : [...new Set(commit.files.map((file) => file.path))],
          tests: [
            ...new Set((latestAttempt(run)?.jobs ?? []).flatMap((job) => failingTestsOf(job).map((test) => test.test))),
          ],
          greenAt: null,
          greenSha: null,
          repairedBy: null,
        }
        redCommits.push(open)
      }
      if (outcome === 'pass' && open !== null) {
        const fix = run.headSha === open.sha ? undefined : commits.get(run.headSha)
        const repairedBy = fix === undefined ? null : authorIdentity(fix.author)
        const closed: CiRedCommit = { ...open, greenAt: finishedAt(run), greenSha: run.headSha, repairedBy }
        redCommits[redCommits.indexOf(open)] = closed
        hours.push(hoursBetween(open.failedAt, closed.greenAt as string))
        if (repairedBy !== null) repairs.set(repairedBy, (repairs.get(repairedBy) ?? 0) + 1)
        open = null
      }
      if (outcome !== null) previous = outcome
    }
  }
  return {
    redCommits: redCommits.sort((a, b) => compareText(b.failedAt, a.failedAt) || compareText(a.workflow, b.workflow)),
    timeToGreen: summarizeDurations(hours),
    repairers: [...repairs]
      .map(([identity, count]) => ({ identity, repairs: count }))
      .sort((a, b) => b.repairs - a.repairs || compareText(a.identity, b.identity)),
  }
}
