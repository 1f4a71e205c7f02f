import { resolve } from 'node:path'
import { UsageError } from '@gitlore/core'
import type { RepositoriesEvent, RepositoryOutcome } from '@gitlore/pipeline'
import { eventLine } from '@gitlore/pipeline'
import type { CommandInput } from '../main.js'
import { Progress } from '../progress.js'
import { exitCodes } from '../terminal.js'
import { collectOptions } from './options.js'

function concurrency(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 64) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${value}"`)
  }
  return Number(value)
}

function outcomeLine(outcome: RepositoryOutcome): string {
  const seconds = `${(outcome.durationMs / 1000).toFixed(1)} s`
  switch (outcome.status) {
    case 'failed':
      return `${outcome.name}: failed after ${seconds}: ${outcome.detail ?? 'unknown error'}`
    case 'missing':
      return `${outcome.name}: nothing to roll up: ${outcome.detail ?? 'no stored run'}`
    default:
      return `${outcome.name}: ${outcome.findings === undefined ? 'stored run' : `${outcome.findings} findings`}${outcome.status === 'degraded' ? ` (${outcome.detail ?? 'degraded'})` : ''}, ${seconds}${outcome.outDir === undefined ? '' : `; ${outcome.outDir}`}`
  }
}

/**
 * `gitlore analyze --repos FILE`: every repository of the list (directories, or `owner/name` cloned
 * shallow into the clone directory), a few at a time, each into its own folder of `--out`, then the
 * organisation report. Each repository's lines are prefixed with its name. Exits 0 when all went well,
 * 3 when some failed or were degraded, 1 when none could be analysed.
 */
export async function runAnalyzeRepositories({ flags, terminal, signal }: CommandInput): Promise<number> {
  if (flags['dry-run'] === true) throw new UsageError('--dry-run works on one repository: leave out --repos')
  if (typeof flags.repo === 'string') throw new UsageError('--repo and --repos do not go together: use one')
  const { analyzeRepositories, readRepositoryList } = await import('@gitlore/pipeline')
  const list = resolve(terminal.cwd, flags.repos as string)
  const repositories = await readRepositoryList(list)
  const progress = new Progress(terminal)
  const verbose = flags.verbose === true
  let finished = 0
  const onEvent = (event: RepositoriesEvent) => {
    if (event.type === 'repository-started') {
      progress.note(`[${event.index}/${event.total}] ${event.repository}: started`)
    } else if (event.type === 'repository-finished') {
      finished++
      progress.note(outcomeLine(event.outcome))
    } else if (event.event.type === 'progress') {
      progress.update(`${event.repository}: ${event.event.label}`, event.event.done, event.event.total)
      return
    } else {
      const line = eventLine(event.event)
      // Without --verbose only what a reader of many repositories needs: warnings, and each stage's end.
      if (line === undefined || (!verbose && event.event.type !== 'warning' && event.event.type !== 'stage-done'))
        return
      progress.note(`${event.repository}: ${line}`)
    }
    progress.update('repositories done', finished, repositories.length)
  }
  const { repo: _repo, ...rest } = flags
  const options = collectOptions(rest, terminal)
  const result = await analyzeRepositories({
    ...options,
    repositories,
    outDir: resolve(terminal.cwd, typeof flags.out === 'string' ? flags.out : 'gitlore-org'),
    ...(typeof flags['clone-dir'] === 'string' ? { cloneDir: resolve(terminal.cwd, flags['clone-dir']) } : {}),
    ...(concurrency(flags.concurrency) === undefined ? {} : { concurrency: concurrency(flags.concurrency) as number }),
    rollUpOnly: flags['rollup-only'] === true,
    signal,
    onEvent,
  })
  for (const output of result.outputs) progress.note(`wrote ${output.path}`)
  const usable = result.repositories.filter((outcome) => outcome.status === 'ok' || outcome.status === 'degraded')
  if (usable.length === 0) return exitCodes.failure
  return result.degraded ? exitCodes.degraded : exitCodes.ok
}
