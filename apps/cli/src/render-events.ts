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
  // Streamed text that did not end its line yet: the next permanent line starts on a new one.
  let midLine = false
  return (event: PipelineEvent) => {
    if (event.type === 'progress') {
      progress.update(event.label, event.done, event.total)
      return
    }
    if (event.type === 'agent' && (event.event.type === 'reasoning-delta' || event.event.type === 'text-delta')) {
      if (options.verbose === true && event.event.text !== '') {
        terminal.stderr(event.event.text)
        midLine = !event.event.text.endsWith('\n')
      }
      return
    }
    const line = eventLine(event)
    if (line === undefined) return
    if (midLine) terminal.stderr('\n')
    midLine = false
    if (event.type === 'stage-done') progress.done(line)
    else progress.note(line)
  }
}
