import type { CommandInput } from '../main.js'
import { terminalJson } from '../safe-terminal.js'
import { exitCodes } from '../terminal.js'
import { limitFlag } from './options.js'
import { withKnowledgeBase } from './with-knowledge-base.js'

/** `gitlore guidance [topic] [--json]`: review themes, findings, conventions and who knows which area. */
export async function runGuidance({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const [topic] = positionals
  const limit = limitFlag(flags)
  return withKnowledgeBase(flags, terminal, async (opened) => {
    const { renderGuidance } = await import('@gitlore/knowledge')
    const guidance = await opened.knowledge.repoGuidance({
      ...(topic === undefined ? {} : { topic }),
      ...(limit === undefined ? {} : { limit }),
    })
    terminal.stdout(flags.json === true ? `${terminalJson(guidance)}\n` : renderGuidance(guidance))
    return exitCodes.ok
  })
}
