import { resolve } from 'node:path'
import { outputFormats, UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { openRepositoryCache } from './open-repository-cache.js'

/** `gitlore render <format> [--run ID] [--out DIR]`: writes a stored run's output again, with no new work. */
export async function runRender({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const format = positionals[0]
  const known = outputFormats as readonly string[]
  if (format === undefined || !known.includes(format)) {
    throw new UsageError(`gitlore render needs a format: one of ${outputFormats.join(', ')}`)
  }
  const { root, config, cache } = await openRepositoryCache(flags, terminal)
  try {
    const wanted = typeof flags.run === 'string' ? flags.run : undefined
    const run = wanted === undefined ? await cache.latestRun() : await cache.getRun(wanted)
    if (run === null) {
      throw new UsageError(
        wanted === undefined
          ? 'no runs stored yet: run gitlore analyze first'
          : `no run "${wanted}" (or it matches several): gitlore runs lists them`,
      )
    }
    const { writeOutputs } = await import('@gitlore/formatters')
    const dir = typeof flags.out === 'string' ? resolve(terminal.cwd, flags.out) : resolve(root, config.output.dir)
    const written = await writeOutputs(run.report as Parameters<typeof writeOutputs>[0], {
      formats: [format as (typeof outputFormats)[number]],
      dir,
    })
    terminal.stderr(`rendered run ${run.id}: wrote ${written.map((output) => output.path).join(', ')}\n`)
    return exitCodes.ok
  } finally {
    await cache.close()
  }
}
