import { resolve } from 'node:path'
import { type OutputFormat, outputFormats, UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { repositoryOptions } from './options.js'

/** `gitlore render <format> [--run ID] [--out DIR]`: writes a stored run's output again, with no new work. */
export async function runRender({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const format = positionals[0]
  const known = outputFormats as readonly string[]
  if (format === undefined) throw new UsageError(`render needs a format: one of ${outputFormats.join(', ')}`)
  if (!known.includes(format)) {
    throw new UsageError(`unknown format "${format}": gitlore render takes one of ${outputFormats.join(', ')}`)
  }
  const { renderRun } = await import('@gitlore/pipeline')
  const { run, outputs } = await renderRun({
    ...repositoryOptions(flags, terminal),
    formats: [format as OutputFormat],
    ...(typeof flags.run === 'string' ? { runId: flags.run } : {}),
    ...(typeof flags.out === 'string' ? { outDir: resolve(terminal.cwd, flags.out) } : {}),
  })
  terminal.stderr(`rendered run ${run.id}: wrote ${outputs.map((output) => output.path).join(', ')}\n`)
  return exitCodes.ok
}
