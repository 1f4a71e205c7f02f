import type { OpenedKnowledgeBase } from '@gitlore/pipeline'
import type { Flags } from '../main.js'
import type { Terminal } from '../terminal.js'
import { repositoryOptions } from './options.js'

/**
 * Opens the knowledge index of the repository `--repo` names (warning when its gitlore.toml sets keys
 * it is not trusted to set), answers with it, and closes it whatever happens.
 */
export async function withKnowledgeBase<T>(
  flags: Flags,
  terminal: Terminal,
  use: (opened: OpenedKnowledgeBase) => Promise<T>,
): Promise<T> {
  const { openKnowledgeBase } = await import('@gitlore/pipeline')
  const opened = await openKnowledgeBase(repositoryOptions(flags, terminal))
  if (opened.warning !== null) terminal.stderr(`warning: ${opened.warning}\n`)
  try {
    return await use(opened)
  } finally {
    await opened.close()
  }
}
