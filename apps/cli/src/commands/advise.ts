import { UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { limitFlag, listFlag, repositoryOptions } from './options.js'

/** `gitlore advise --files A,B [--task T] [--json]`: what to know before touching those files, from the index. */
export async function runAdvise({ flags, positionals, terminal }: CommandInput): Promise<number> {
  const files = [...listFlag(flags, 'files'), ...positionals]
  if (files.length === 0) {
    throw new UsageError('gitlore advise needs the files you are about to change: --files src/a.ts,src/b.ts')
  }
  const task = typeof flags.task === 'string' ? flags.task : undefined
  const limit = limitFlag(flags)
  const [{ openKnowledgeBase }, { renderPlanningBrief }] = await Promise.all([
    import('@gitlore/pipeline'),
    import('@gitlore/knowledge'),
  ])
  const opened = await openKnowledgeBase(repositoryOptions(flags, terminal))
  if (opened.warning !== null) terminal.stderr(`warning: ${opened.warning}\n`)
  try {
    const brief = await opened.knowledge.planningBrief({
      files,
      ...(task === undefined ? {} : { task }),
      ...(limit === undefined ? {} : { limit }),
    })
    terminal.stdout(flags.json === true ? `${JSON.stringify(brief, null, 2)}\n` : renderPlanningBrief(brief))
    return exitCodes.ok
  } finally {
    await opened.close()
  }
}
