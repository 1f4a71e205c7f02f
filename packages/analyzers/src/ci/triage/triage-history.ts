import type { CiRun, TriageCommit } from '@gitlore/core'
import { authorIdentity } from '../../identity.js'
import type { CommitIndex } from '../commit-range.js'
import { chronological, finishedAt, jobNamed, latestAttempt, outcomeOf } from '../run-outcome.js'

/** A run as a moment in a branch's history. */
export interface RunMoment {
  readonly sha: string
  readonly url: string
  readonly at: string
}

const moment = (run: CiRun): RunMoment => ({ sha: run.headSha, url: run.url, at: finishedAt(run) })

/** Runs of the workflow on the branch, oldest first, that passed or failed (latest attempt). */
export function branchLine(runs: readonly CiRun[], workflowPath: string, branch: string | null): CiRun[] {
  return chronological(runs).filter(
    (run) =>
      run.workflow.path === workflowPath &&
      run.branch === branch &&
      outcomeOf(latestAttempt(run)?.conclusion ?? null) !== null,
  )
}

/**
 * Around the failing run on its branch: the last passing run before it, the first failing run after
 * that one (it turned the branch red), the failing streak (runs in a row whose `jobs` failed, ending at
 * the failing run), and the first passing run after it.
 */
export function aroundFailure(
  line: readonly CiRun[],
  failing: { readonly createdAt: string; readonly id: number },
  jobs: readonly string[],
): { lastGreen: CiRun | null; turnedRed: CiRun | null; streak: CiRun[]; greenSince: CiRun | null } {
  const before = line.filter(
    (run) => run.createdAt < failing.createdAt || (run.createdAt === failing.createdAt && run.id <= failing.id),
  )
  const after = line.filter((run) => !before.includes(run))
  const passed = (run: CiRun) => outcomeOf(latestAttempt(run)?.conclusion ?? null) === 'pass'
  const jobsFailed = (run: CiRun) =>
    jobs.length === 0
      ? !passed(run)
      : jobs.some((job) => outcomeOf(jobNamed(latestAttempt(run), job)?.conclusion ?? null) === 'fail')
  const lastGreenIndex = before.findLastIndex((run) => passed(run) && run.id !== failing.id)
  const lastGreen = lastGreenIndex >= 0 ? (before[lastGreenIndex] as CiRun) : null
  const sinceGreen = before.slice(lastGreenIndex + 1)
  const streak: CiRun[] = []
  for (const run of [...sinceGreen].reverse()) {
    if (!jobsFailed(run)) break
    streak.unshift(run)
  }
  return {
    lastGreen,
    turnedRed: lastGreen === null ? null : (sinceGreen.find((run) => !passed(run)) ?? null),
    streak,
    greenSince: after.find(passed) ?? null,
  }
}

/** The commits after the last green run's head up to the failing head, newest first; null when git cannot tell. */
export function suspectCommits(
  commits: CommitIndex,
  lastGreen: CiRun | null,
  failingSha: string,
  turnedRedSha: string | null,
): TriageCommit[] | null {
  if (lastGreen === null) {
    const commit = commits.get(failingSha)
    return commit === undefined ? null : [triageCommit(commit, failingSha === turnedRedSha)]
  }
  const range = lastGreen.headSha === failingSha ? [] : commits.between(lastGreen.headSha, failingSha)
  return range === null ? null : range.map((commit) => triageCommit(commit, commit.sha === turnedRedSha))
}

function triageCommit(commit: NonNullable<ReturnType<CommitIndex['get']>>, turnedRed: boolean): TriageCommit {
  return {
    sha: commit.sha,
    subject: commit.subject,
    author: authorIdentity(commit.author),
    authoredAt: commit.authoredAt,
    files: [...new Set(commit.files.map((file) => file.path))],
    turnedRed,
  }
}

export { moment }
