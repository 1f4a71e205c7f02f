import { UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { repositoryOptions } from './options.js'

/** `gitlore cache stats|clear`. */
export async function runCache({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const action = positionals[0]
  if (action !== 'stats' && action !== 'clear') {
    throw new UsageError(
      `gitlore cache needs "stats" or "clear", got ${action === undefined ? 'nothing' : `"${action}"`}`,
    )
  }
  const { openRepositoryCache } = await import('@gitlore/pipeline')
  const { path, repository, cache, warning } = await openRepositoryCache(repositoryOptions(flags, terminal))
  if (warning !== null) terminal.stderr(`warning: ${warning}\n`)
  try {
    if (action === 'clear') {
      const all = flags.all === true
      await cache.clear({ all })
      terminal.stderr(all ? `cleared every repository in ${path}\n` : `cleared ${repository} in ${path}\n`)
      return exitCodes.ok
    }
    // stdout is the JSON alone (for jq and scripts); which cache it is goes to stderr.
    terminal.stderr(`${path}\n`)
    terminal.stdout(`${JSON.stringify(await cache.stats(), null, 2)}\n`)
    return exitCodes.ok
  } finally {
    await cache.close()
  }
}
