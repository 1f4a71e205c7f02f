import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { positiveInteger, repositoryOptions } from './options.js'

/** `gitlore runs`: the stored runs, newest first, each with how it ended (finished, degraded, interrupted, failed). */
export async function runRuns({ flags, terminal }: CommandInput): Promise<number> {
  const limit = positiveInteger(flags, 'limit') ?? 20
  const { openRepositoryCache } = await import('@gitlore/pipeline')
  const { cache, warning } = await openRepositoryCache(repositoryOptions(flags, terminal))
  if (warning !== null) terminal.stderr(`warning: ${warning}\n`)
  try {
    const runs = await cache.listRuns(limit)
    if (runs.length === 0) {
      terminal.stderr('no runs stored yet: run gitlore analyze first\n')
      return exitCodes.ok
    }
    const lines = runs.map(
      (run) =>
        `${run.id}  ${run.startedAt}  ${run.status.padEnd(11)}  ${run.head?.slice(0, 7) ?? '-------'}  ${String(run.findings).padStart(3)} findings${run.degraded.length > 0 ? `  not ok: ${run.degraded.join(', ')}` : ''}`,
    )
    terminal.stdout(`${lines.join('\n')}\n`)
    return exitCodes.ok
  } finally {
    await cache.close()
  }
}
