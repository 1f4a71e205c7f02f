import { describe, expect, it } from 'vitest'
import { summarizeStderr } from './stderr-summary.js'

describe('summarizeStderr', () => {
  it('keeps the last lines on one line and removes credentials from URLs', () => {
    const stderr = 'hint: one\nhint: two\nfatal: unable to access https://user:s3cret@github.com/o/r.git/\n\n'
    expect(summarizeStderr(stderr)).toBe('hint: one | hint: two | fatal: unable to access https://github.com/o/r.git/')
    expect(summarizeStderr('')).toBe('no error output')
  })
})
