import { loadConfig, resolveFromRepository, UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { repositoryArgument } from './options.js'

/** `gitlore cache stats|clear`. */
export async function runCache({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const action = positionals[0]
  if (action !== 'stats' && action !== 'clear') {
    throw new UsageError(
      `gitlore cache needs "stats" or "clear", got ${action === undefined ? 'nothing' : `"${action}"`}`,
    )
  }
  const dir = await repositoryArgument(flags, terminal.cwd)
  const { findRepositoryRoot } = await import('@gitlore/extractors')
  const root = await findRepositoryRoot(dir)
  const { config } = await loadConfig({
    repositoryDir: root,
    configPath: typeof flags.config === 'string' ? flags.config : undefined,
    env: terminal.env,
  })
  const path = resolveFromRepository(root, config.cache.path)
  const { createCache } = await import('@gitlore/cache')
  const cache = await createCache({ path })
  try {
    if (action === 'clear') {
      await cache.clear()
      terminal.stderr(`cleared ${path}\n`)
      return exitCodes.ok
    }
    const stats = await cache.stats()
    terminal.stdout(`${path}\n${JSON.stringify(stats, null, 2)}\n`)
    return exitCodes.ok
  } finally {
    await cache.close()
  }
}
