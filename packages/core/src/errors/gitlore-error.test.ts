import { describe, expect, it } from 'vitest'
import { ConfigError } from './config-error.js'
import { GitloreError } from './gitlore-error.js'
import { UsageError } from './usage-error.js'

describe('GitloreError.isInstance', () => {
  it('tells each class apart, subclasses included, without relying on the prototype chain', () => {
    const config = new ConfigError({ keyPath: 'analysis.since', message: 'bad' })
    const usage = new UsageError('bad flag')
    expect(GitloreError.isInstance(config)).toBe(true)
    expect(ConfigError.isInstance(config)).toBe(true)
    expect(ConfigError.isInstance(usage)).toBe(false)
    expect(UsageError.isInstance(usage)).toBe(true)
    expect(GitloreError.isInstance(new Error('plain'))).toBe(false)
    // A copy from another install has another prototype chain but the same global markers.
    const copy = Object.assign(Object.create(null), config)
    for (const marker of Object.getOwnPropertySymbols(config)) copy[marker] = true
    expect(ConfigError.isInstance(copy)).toBe(true)
    expect(UsageError.isInstance(copy)).toBe(false)
  })
})
