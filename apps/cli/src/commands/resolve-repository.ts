import type { ConfigInput, GitloreConfig } from '@gitlore/core'
import { loadConfig } from '@gitlore/core'
import type { Flags } from '../main.js'
import type { Terminal } from '../terminal.js'
import { repositoryArgument } from './options.js'

/** The repository named by --repo (its top level, from any directory inside it) and its configuration. */
export async function resolveRepository(
  flags: Flags,
  terminal: Terminal,
  overrides?: ConfigInput,
): Promise<{ root: string; config: GitloreConfig }> {
  const dir = await repositoryArgument(flags, terminal.cwd)
  const { findRepositoryRoot } = await import('@gitlore/extractors')
  const root = await findRepositoryRoot(dir)
  const { config } = await loadConfig({
    repositoryDir: root,
    configPath: typeof flags.config === 'string' ? flags.config : undefined,
    env: terminal.env,
    ...(overrides === undefined ? {} : { overrides }),
  })
  return { root, config }
}
