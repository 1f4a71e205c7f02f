import { afterEach, describe, expect, it, vi } from 'vitest'
import { captureTerminal } from './capture-terminal.test-helper.js'
import { Progress } from './progress.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('Progress', () => {
  it('redraws one line with counts and, once the rate is known, the time left', () => {
    vi.useFakeTimers({ now: 0 })
    const terminal = { ...captureTerminal('/'), interactive: true }
    const progress = new Progress(terminal)
    progress.update('classifying comments', 0, 100)
    vi.setSystemTime(4000)
    progress.update('classifying comments', 40, 100)
    expect(terminal.output.stderr).toContain('classifying comments: 40/100, about 6 s left')
    progress.done('classified 100 comments')
    expect(terminal.output.stderr.endsWith('classified 100 comments\n')).toBe(true)
    expect(progress.lines).toEqual(['classified 100 comments'])
  })

  it('writes only permanent lines when stderr is not a terminal', () => {
    const terminal = captureTerminal('/')
    const progress = new Progress(terminal)
    progress.update('reading history', 5, 10)
    progress.note('warning: something')
    expect(terminal.output.stderr).toBe('warning: something\n')
  })
})
