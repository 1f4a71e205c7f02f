import { resolve } from 'node:path'
import { UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { Progress } from '../progress.js'
import { renderEvents } from '../render-events.js'
import { exitCodes } from '../terminal.js'
import { collectOptions } from './options.js'

/**
 * `gitlore analyze`: the whole run of @gitlore/pipeline's `analyzeRepository`, shown as it happens;
 * a degraded stage exits 3.
 */
export async function runAnalyze(input: CommandInput): Promise<number> {
  const { flags, terminal, signal } = input
  if (typeof flags.repos === 'string') {
    const { runAnalyzeRepositories } = await import('./analyze-repositories.js')
    return runAnalyzeRepositories(input)
  }
  for (const flag of ['concurrency', 'clone-dir', 'rollup-only'])
    if (flags[flag] !== undefined) throw new UsageError(`--${flag} goes with --repos FILE`)
  const { analyzeRepository } = await import('@gitlore/pipeline')
  const progress = new Progress(terminal)
  const dryRun = flags['dry-run'] === true
  try {
    const result = await analyzeRepository({
      ...collectOptions(flags, terminal),
      ...(typeof flags.out === 'string' ? { outDir: resolve(terminal.cwd, flags.out) } : {}),
      dryRun,
      signal,
      onEvent: renderEvents(progress, terminal, { verbose: flags.verbose === true }),
    })
    if (dryRun) for (const output of result.outputs) terminal.stdout(output.content)
    return result.degraded ? exitCodes.degraded : exitCodes.ok
  } finally {
    progress.close()
  }
}
