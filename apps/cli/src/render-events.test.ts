import { describe, expect, it } from 'vitest'
import { captureTerminal } from './capture-terminal.test-helper.js'
import { Progress } from './progress.js'
import { renderEvents } from './render-events.js'

const delta = { type: 'agent', event: { type: 'reasoning-delta', step: 1, text: 'thinking…' } } as const

describe('renderEvents', () => {
  it('prints one permanent line per finished stage, note, warning and agent step when stderr is not a terminal', () => {
    const terminal = captureTerminal('/')
    const render = renderEvents(new Progress(terminal), terminal)
    render({ type: 'progress', stage: 'history', label: 'reading history', done: 5, total: 10 })
    render({ type: 'stage-done', stage: 'history', message: 'read 10 commits in 3 ms' })
    render({ type: 'note', stage: 'synthesis', message: 'investigating with compatible/m' })
    render({
      type: 'agent',
      event: {
        type: 'tool-result',
        step: 1,
        toolCallId: 'a',
        tool: 'grep',
        summary: '"x"',
        resultChars: 10,
        truncated: false,
      },
      message: '  grep "x" -> 10 chars',
    })
    render(delta)
    render({ type: 'warning', stage: 'reviews', message: 'no GitHub token' })
    expect(terminal.output.stderr).toBe(
      'read 10 commits in 3 ms\ninvestigating with compatible/m\n  grep "x" -> 10 chars\nwarning: no GitHub token\n',
    )
    expect(terminal.output.stdout).toBe('')
  })

  it('redraws progress in place on a terminal and streams the reasoning only when verbose', () => {
    const terminal = { ...captureTerminal('/'), interactive: true }
    const quiet = renderEvents(new Progress(terminal), terminal)
    quiet({ type: 'progress', stage: 'classification', label: 'classifying comments', done: 1, total: 2 })
    quiet(delta)
    expect(terminal.output.stderr).toBe('\r\x1b[2Kclassifying comments: 1/2')
    const verbose = renderEvents(new Progress(terminal), terminal, { verbose: true })
    verbose(delta)
    expect(terminal.output.stderr.endsWith('thinking…')).toBe(true)
    // The next line starts on its own line, not after the streamed text.
    verbose({ type: 'note', stage: 'synthesis', message: '  harness (budget): Not yet' })
    expect(terminal.output.stderr.endsWith('thinking…\n  harness (budget): Not yet\n')).toBe(true)
  })
})
