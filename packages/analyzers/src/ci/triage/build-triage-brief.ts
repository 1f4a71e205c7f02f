import type { CiAttempt, CiJob, TriageBrief, TriageCommit, TriageJob } from '@gitlore/core'
import { CommitIndex } from '../commit-range.js'
import { outcomeOf } from '../run-outcome.js'
import { parseFailingTests } from '../test-output/parse-failing-tests.js'
import { failingTestsOf } from '../test-stats.js'
import { pastFixes, triageContacts } from './triage-contacts.js'
import { aroundFailure, branchLine, moment, suspectCommits } from './triage-history.js'
import type { TriageInput } from './triage-input.js'
import { triageVerdict } from './triage-verdict.js'

/** Characters of log kept in the brief. */
const excerptChars = 8_000
// Control characters and escape sequences: the excerpt goes to terminals, markdown and a model's prompt.
const controls = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g

function excerpt(text: string): string {
  const clean = text.replace(controls, '').replace(/\n+$/, '')
  if (clean.length <= excerptChars) return clean
  const cut = clean.slice(-excerptChars)
  return `[… ${clean.length - excerptChars} earlier characters left out]\n${cut.slice(cut.indexOf('\n') + 1)}`
}

function triageJob(job: CiJob): TriageJob {
  return {
    name: job.name,
    url: job.url,
    step: job.log.step ?? job.steps.find((step) => outcomeOf(step.conclusion) === 'fail')?.name ?? null,
    tests: failingTestsOf(job),
    annotations: job.annotations
      .filter((annotation) => annotation.path !== '.github' && annotation.level === 'failure')
      .map((annotation) => ({ path: annotation.path, line: annotation.startLine, message: annotation.message })),
    log: job.log.status,
  }
}

/** Files in the order a person should open them: the red commit's, the failing tests', the annotated, the other suspects'. */
function implicatedFiles(jobs: readonly TriageJob[], suspects: readonly TriageCommit[]): string[] {
  const files = [
    ...suspects.filter((commit) => commit.turnedRed).flatMap((commit) => commit.files),
    ...jobs.flatMap((job) => job.tests.map((test) => test.file).filter((file): file is string => file !== null)),
    ...jobs.flatMap((job) => job.annotations.map((annotation) => annotation.path)),
    ...suspects.flatMap((commit) => commit.files),
  ]
  return [...new Set(files)].slice(0, 30)
}

/**
 * A reproduce-and-fix brief for one failed run (or a pasted log, taken as HEAD's failure): its failing
 * jobs, steps and tests; a verdict (deterministic, flaky, unknown) with the evidence behind it; the last
 * green run and the suspect commits since (marking the one that turned the branch red); the files to
 * open; past fixes of the same failure; findings and review themes on those files; and who to contact.
 * Pure: the caller fetches the run, the history and the stored run.
 */
export function buildTriageBrief(input: TriageInput): TriageBrief {
  const { run, stats } = input
  const index = new CommitIndex(input.commits)
  const notes: string[] = []
  const attempt: CiAttempt | undefined =
    run === null ? undefined : (run.attempts.find((entry) => entry.attempt === input.attempt) ?? run.attempts.at(-1))
  let jobs: TriageJob[]
  let logText: string
  if (input.logText !== undefined) {
    const tests = parseFailingTests(input.logText)
    jobs = [{ name: '', url: null, step: null, tests, annotations: [], log: 'stored' }]
    logText = input.logText
  } else {
    const failed = (attempt?.jobs ?? []).filter(
      (job) => outcomeOf(job.conclusion) === 'fail' && (input.jobId === undefined || job.id === input.jobId),
    )
    jobs = failed.map(triageJob)
    logText = failed
      .filter((job) => job.log.tail !== undefined)
      .map((job) => `== ${job.name}${job.log.step === undefined ? '' : ` / ${job.log.step}`} ==\n${job.log.tail}`)
      .join('\n\n')
    for (const job of failed.filter((entry) => entry.log.status === 'expired')) {
      notes.push(`The log of ${job.name} has expired on GitHub, so its failing tests are unknown.`)
    }
    if (attempt !== undefined && outcomeOf(attempt.conclusion) !== 'fail') {
      notes.push(
        `Attempt ${attempt.attempt} of this run did not fail (${attempt.conclusion ?? attempt.status ?? 'running'}).`,
      )
    }
  }
  const testIds = jobs.flatMap((job) => job.tests.map((test) => test.test))
  // A pasted log: find its tests' workflow and job in the history.
  const known = stats?.tests.find((entry) => testIds.includes(entry.test))
  const workflowPath =
    run?.workflow.path ?? input.runs.find((entry) => entry.workflow.name === known?.workflow)?.workflow.path ?? null
  const workflow = run?.workflow.name ?? known?.workflow ?? null
  const branch = run?.branch ?? stats?.defaultBranch ?? null
  if (run === null && known !== undefined) jobs = jobs.map((job) => ({ ...job, name: known.job }))
  const failingSha = run?.headSha ?? input.head
  const line = workflowPath === null ? [] : branchLine(input.runs, workflowPath, branch)
  const failing = run ?? { createdAt: '9999-12-31T23:59:59.999Z', id: Number.MAX_SAFE_INTEGER }
  const around = aroundFailure(
    line,
    failing,
    jobs.map((job) => job.name).filter((name) => name !== ''),
  )
  const { verdict, evidence } = triageVerdict({
    run,
    attempt: attempt?.attempt ?? 1,
    jobs,
    runs: input.runs,
    streak: around.streak,
    stats,
    workflow,
  })
  let suspects: TriageCommit[] = []
  if (failingSha !== null) {
    const found = suspectCommits(index, around.lastGreen, failingSha, around.turnedRed?.headSha ?? null)
    if (found === null)
      notes.push(
        `Commit ${failingSha.slice(0, 7)} or the last green one is not in the analysed history: widen --since, or fetch the branch.`,
      )
    else suspects = found
  }
  if (stats === null && input.runs.length === 0) {
    notes.push(
      'No CI history in this run (no GitHub token, or offline without an earlier sync): the verdict rests on the failure alone.',
    )
  }
  if (around.lastGreen === null && workflowPath !== null)
    notes.push(`No passing run of ${workflow} on ${branch ?? 'this branch'} in the window.`)
  const files = implicatedFiles(jobs, suspects)
  const fixes = pastFixes(input.commits, testIds, stats, run?.createdAt ?? null)
  const fileSet = new Set(files)
  const touches = (paths: readonly string[]) => paths.some((path) => fileSet.has(path))
  const existingTestPath =
    jobs
      .flatMap((job) => job.tests.map((test) => test.file))
      .find((file): file is string => file !== null && (input.existsAtHead?.(file) ?? false)) ?? null
  return {
    url: run?.url ?? null,
    repository: input.repository ?? null,
    workflow,
    branch,
    headSha: failingSha,
    attempt: attempt?.attempt ?? null,
    jobs,
    verdict,
    evidence,
    lastGreen: around.lastGreen === null ? null : moment(around.lastGreen),
    suspects,
    files,
    pastFixes: fixes,
    findings: (input.findings ?? [])
      .filter((finding) => touches(finding.files))
      .map((finding) => ({
        id: finding.id,
        title: finding.title,
        files: finding.files.filter((file) => fileSet.has(file)),
      })),
    themes: (input.clusters ?? [])
      .filter((cluster) => touches(cluster.files))
      .map((cluster) => ({
        label: cluster.label,
        size: cluster.size,
        files: cluster.files.filter((file) => fileSet.has(file)),
      })),
    contacts: triageContacts({
      suspects,
      files,
      fixes,
      commits: input.commits,
      stats,
      people: input.people ?? [],
      branch,
      flaky: verdict === 'flaky',
    }),
    greenSince: around.greenSince === null ? null : moment(around.greenSince),
    logExcerpt: excerpt(logText),
    existingTestPath,
    notes,
  }
}
