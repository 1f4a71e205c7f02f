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

  it('writes only permanent lines when stderr is not a terminal and the stages move quickly', () => {
    const terminal = captureTerminal('/')
    const progress = new Progress(terminal)
    progress.update('reading history', 5, 10)
    progress.note('warning: something')
    progress.close()
    expect(terminal.output.stderr).toBe('warning: something\n')
  })

  it('says where a stage is at least every few seconds when stderr is not a terminal, waits included', () => {
    vi.useFakeTimers({ now: 0 })
    const terminal = captureTerminal('/')
    const progress = new Progress(terminal, { heartbeatMs: 5000 })
    progress.update('GitHub octo/hello: 100 PRs', 3)
    vi.advanceTimersByTime(2000)
    progress.update('GitHub octo/hello: 150 PRs', 4)
    expect(terminal.output.stderr).toBe('')
    vi.advanceTimersByTime(3000)
    expect(terminal.output.stderr).toBe('… GitHub octo/hello: 150 PRs: 4 (5 s in)\n')
    // A rate-limit wait: no progress at all, still a line every 5 s.
    vi.advanceTimersByTime(10_000)
    expect(terminal.output.stderr.split('\n').filter(Boolean)).toEqual([
      '… GitHub octo/hello: 150 PRs: 4 (5 s in)',
      '… GitHub octo/hello: 150 PRs: 4 (10 s in; nothing new for 8 s)',
      '… GitHub octo/hello: 150 PRs: 4 (15 s in; nothing new for 13 s)',
    ])
    progress.done('reviews: 150 PRs')
    vi.advanceTimersByTime(20_000)
    expect(terminal.output.stderr.endsWith('reviews: 150 PRs\n')).toBe(true)
    expect(progress.lines).toEqual(['reviews: 150 PRs'])
    progress.close()
  })
})
