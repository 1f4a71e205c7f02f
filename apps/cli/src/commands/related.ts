import { UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { terminalJson } from '../safe-terminal.js'
import { exitCodes } from '../terminal.js'
import { limitFlag } from './options.js'
import { withKnowledgeBase } from './with-knowledge-base.js'

/** `gitlore related <path> [--json]`: files that change with it or share its review themes. */
export async function runRelated({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const [path] = positionals
  if (path === undefined) throw new UsageError('related needs a path: gitlore related src/a.ts')
  const limit = limitFlag(flags)
  return withKnowledgeBase(flags, terminal, async (opened) => {
    const { renderRelatedFiles } = await import('@gitlore/knowledge')
    const related = await opened.knowledge.relatedFiles({ path, ...(limit === undefined ? {} : { limit }) })
    terminal.stdout(flags.json === true ? `${terminalJson(related)}\n` : renderRelatedFiles(related))
    return exitCodes.ok
  })
}
