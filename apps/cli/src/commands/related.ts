import { UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { limitFlag, repositoryOptions } from './options.js'

/** `gitlore related <path> [--json]`: files that change with it or share its review themes. */
export async function runRelated({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const [path] = positionals
  if (path === undefined) throw new UsageError('gitlore related needs a path: gitlore related src/a.ts')
  const limit = limitFlag(flags)
  const [{ openKnowledgeBase }, { renderRelatedFiles }] = await Promise.all([
    import('@gitlore/pipeline'),
    import('@gitlore/knowledge'),
  ])
  const opened = await openKnowledgeBase(repositoryOptions(flags, terminal))
  if (opened.warning !== null) terminal.stderr(`warning: ${opened.warning}\n`)
  try {
    const related = await opened.knowledge.relatedFiles({ path, ...(limit === undefined ? {} : { limit }) })
    terminal.stdout(flags.json === true ? `${JSON.stringify(related, null, 2)}\n` : renderRelatedFiles(related))
    return exitCodes.ok
  } finally {
    await opened.close()
  }
}
