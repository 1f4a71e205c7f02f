import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { limitFlag, repositoryOptions } from './options.js'

/** `gitlore guidance [topic] [--json]`: review themes, findings, conventions and who knows which area. */
export async function runGuidance({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const [topic] = positionals
  const limit = limitFlag(flags)
  const [{ openKnowledgeBase }, { renderGuidance }] = await Promise.all([
    import('@gitlore/pipeline'),
    import('@gitlore/knowledge'),
  ])
  const opened = await openKnowledgeBase(repositoryOptions(flags, terminal))
  if (opened.warning !== null) terminal.stderr(`warning: ${opened.warning}\n`)
  try {
    const guidance = await opened.knowledge.repoGuidance({
      ...(topic === undefined ? {} : { topic }),
      ...(limit === undefined ? {} : { limit }),
    })
    terminal.stdout(flags.json === true ? `${JSON.stringify(guidance, null, 2)}\n` : renderGuidance(guidance))
    return exitCodes.ok
  } finally {
    await opened.close()
  }
}
