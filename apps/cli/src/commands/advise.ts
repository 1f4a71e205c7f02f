import { GitloreError, UsageError } from '@gitlore/core'
import type { BriefSynthesis } from '@gitlore/pipeline'
import type { CommandInput } from '../main.js'
import { terminalJson } from '../safe-terminal.js'
import { exitCodes } from '../terminal.js'
import { limitFlag, listFlag } from './options.js'
import { withKnowledgeBase } from './with-knowledge-base.js'

/**
 * `gitlore advise --files A,B [--task T] [--synthesize] [--json]`: what to know before touching those
 * files, from the index; with `--synthesize`, the configured synthesizer model's short reading of it
 * for the task (cached). A synthesis that cannot be had leaves the brief standing and exits 3.
 */
export async function runAdvise({ flags, positionals, terminal, signal }: CommandInput): Promise<number> {
  const files = [...listFlag(flags, 'files'), ...positionals]
  if (files.length === 0) {
    throw new UsageError('advise needs the files you are about to change: --files src/a.ts,src/b.ts')
  }
  const task = typeof flags.task === 'string' ? flags.task : undefined
  if (flags.synthesize === true && task === undefined) {
    throw new UsageError('--synthesize needs --task: say what the change is for')
  }
  const limit = limitFlag(flags)
  return withKnowledgeBase(flags, terminal, async (opened) => {
    const { renderPlanningBrief } = await import('@gitlore/knowledge')
    const brief = await opened.knowledge.planningBrief({
      files,
      ...(task === undefined ? {} : { task }),
      ...(limit === undefined ? {} : { limit }),
    })
    let synthesis: BriefSynthesis | undefined
    let problem: string | undefined
    if (flags.synthesize === true) {
      try {
        synthesis = await opened.synthesize(brief, signal)
      } catch (error) {
        if (signal.aborted || !GitloreError.isInstance(error)) throw error
        problem = error.message
      }
    }
    if (flags.json === true) {
      terminal.stdout(`${terminalJson(synthesis === undefined ? brief : { ...brief, synthesis })}\n`)
    } else {
      terminal.stdout(renderPlanningBrief(brief))
      if (synthesis !== undefined) {
        terminal.stdout(
          `\nFor this task (written by ${synthesis.model}${synthesis.cached ? ', from the cache' : ''}; check it against the items above)\n${synthesis.text}\n`,
        )
      }
    }
    if (problem !== undefined) {
      terminal.stderr(`warning: ${problem}\n`)
      return exitCodes.degraded
    }
    return exitCodes.ok
  })
}
