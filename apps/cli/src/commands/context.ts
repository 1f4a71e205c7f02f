import type { RepositoryContext } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { Progress } from '../progress.js'
import { renderEvents } from '../render-events.js'
import { terminalJson } from '../safe-terminal.js'
import { exitCodes, type Terminal } from '../terminal.js'
import { collectOptions } from './options.js'

/** `gitlore context`: the repository context as JSON (--json) or as a short summary. */
export async function runContext({ flags, terminal, signal }: CommandInput): Promise<number> {
  const { collectContext } = await import('@gitlore/pipeline')
  const progress = new Progress(terminal)
  const { context, stages } = await collectContext({
    ...collectOptions(flags, terminal),
    signal,
    onEvent: renderEvents(progress, terminal),
  }).finally(() => progress.close())
  if (flags.json === true) terminal.stdout(`${terminalJson(context)}\n`)
  else printSummary(context, terminal)
  const { degradesRun } = await import('@gitlore/core')
  // Not applicable (no GitHub origin) and a few incomplete items are not a degraded context.
  return stages.some(degradesRun) ? exitCodes.degraded : exitCodes.ok
}
function printSummary(context: RepositoryContext, terminal: Terminal): void {
  const out: string[] = []
  out.push(`${context.repo.remote ?? context.repo.path} @ ${context.repo.head?.slice(0, 7) ?? '(no commits)'}`)
  out.push(`window ${context.window.since} .. ${context.window.until}`)
  out.push(`${context.commits.total} commits (+${context.commits.merges} merges) by ${context.commits.authors} authors`)
  const section = (title: string, rows: readonly string[]) => {
    if (rows.length === 0) return
    out.push('', title, ...rows.slice(0, 10).map((row) => `  ${row}`))
  }
  section(
    'hotspots (commits, churn, authors)',
    context.hotspots.map((spot) => `${spot.path}  ${spot.commits}  ${spot.churn}  ${spot.authors}`),
  )
  section(
    'change together (shared commits, degree)',
    context.coupling.map((pair) => `${pair.a} + ${pair.b}  ${pair.shared}  ${pair.degree}`),
  )
  section(
    'hubs (partners)',
    context.hubs.map((hub) => `${hub.path}  ${hub.partners}`),
  )
  section(
    'reverts',
    context.reverts.map((revert) => `${revert.sha.slice(0, 7)}  ${revert.subject}`),
  )
  section(
    'fixed soon after a change (fixes)',
    context.fixAfter.map((entry) => `${entry.path}  ${entry.fixes}`),
  )
  section(
    'ownership (main author, share, bus factor)',
    context.ownership.map(
      (entry) => `${entry.path}  ${entry.mainAuthor}  ${entry.mainAuthorShare}  ${entry.busFactor}`,
    ),
  )
  const ci = context.ci
  if (ci !== undefined) {
    section(
      'CI workflows (runs, failure rate, re-run)',
      ci.workflows.map(
        (workflow) => `${workflow.workflow}  ${workflow.runs}  ${workflow.failureRate}  ${workflow.reruns}`,
      ),
    )
    section(
      'flaky tests (failed runs of runs, passed on re-run)',
      ci.tests
        .filter((test) => test.flaky)
        .map((test) => `${test.test}  ${test.failedRuns}/${test.runs}  ${test.rerunPassed}/${test.reruns}`),
    )
    section(
      `turned ${ci.defaultBranch ?? 'the default branch'} red (commit, author, green again)`,
      ci.redCommits.map(
        (red) => `${red.sha.slice(0, 7)}  ${red.author ?? 'unknown'}  ${red.greenSha?.slice(0, 7) ?? 'still red'}`,
      ),
    )
  }
  terminal.stdout(`${out.join('\n')}\n`)
}
