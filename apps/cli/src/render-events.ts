import type { PipelineEvent, PipelineEventListener } from '@gitlore/pipeline'
import { eventLine } from '@gitlore/pipeline'
import type { Progress } from './progress.js'
import type { Terminal } from './terminal.js'

/**
 * Shows pipeline events on the terminal: progress redrawn in place (on a terminal), every other
 * event as a permanent line, and with `verbose` the agent's reasoning and text as they stream.
 */
export function renderEvents(
  progress: Progress,
  terminal: Terminal,
  options: { readonly verbose?: boolean } = {},
): PipelineEventListener {
  return (event: PipelineEvent) => {
    if (event.type === 'progress') {
      progress.update(event.label, event.done, event.total)
      return
    }
    if (event.type === 'agent' && (event.event.type === 'reasoning-delta' || event.event.type === 'text-delta')) {
      if (options.verbose === true) terminal.stderr(event.event.text)
      return
    }
    const line = eventLine(event)
    if (line === undefined) return
    if (event.type === 'stage-done') progress.done(line)
    else progress.note(line)
  }
}
