import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { resolveWindow } from './time-window.js'

const now = new Date('2025-03-31T12:00:00Z')

describe('resolveWindow', () => {
  it('counts a duration back from until', () => {
    expect(resolveWindow({ since: '90d', now })).toEqual({
      since: '2024-12-31T12:00:00.000Z',
      until: '2025-03-31T12:00:00.000Z',
    })
    expect(resolveWindow({ since: '2w', until: '2025-01-15T00:00:00Z', now }).since).toBe('2025-01-01T00:00:00.000Z')
  })

  it('reads bare dates as whole days, both ends inclusive', () => {
    expect(resolveWindow({ since: '2025-01-01', until: '2025-01-31', now })).toEqual({
      since: '2025-01-01T00:00:00.000Z',
      until: '2025-01-31T23:59:59.999Z',
    })
  })

  it('takes all history with "all"', () => {
    expect(resolveWindow({ since: 'all', now }).since).toBe('1970-01-01T00:00:00.000Z')
    expect(resolveWindow({ since: '99999999999d', now }).since).toBe('1970-01-01T00:00:00.000Z')
    expect(resolveWindow({ since: `${'9'.repeat(400)}y`, now }).since).toBe('1970-01-01T00:00:00.000Z')
  })

  it('rejects nonsense and empty windows, naming the key', () => {
    expect(() => resolveWindow({ since: 'last tuesday', now })).toThrow(ConfigError)
    expect(() => resolveWindow({ since: 'last tuesday', now })).toThrow(/analysis\.since/)
    expect(() => resolveWindow({ since: '2025-05-01', until: '2025-04-01', now })).toThrow(
      'the window is empty: since (2025-05-01T00:00:00.000Z) is after until (2025-04-01T23:59:59.999Z): give an earlier --since (or [analysis] since), a later --until, or --since all',
    )
    expect(() => resolveWindow({ since: '30d', until: 'tomorrow', now })).toThrow(/analysis\.until/)
  })
})
