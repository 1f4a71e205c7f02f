import { GitloreError } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { ManagedBlockError } from '../errors/managed-block-error.js'
import { managedBlock, mergeManagedBlock } from './managed-block.js'

const first = managedBlock('## From gitlore\n\nFirst run.')
const second = managedBlock('## From gitlore\n\nSecond run.')

function merge(existing: string | null, block = first): string {
  return mergeManagedBlock(existing, block, 'CLAUDE.md')
}

function failure(existing: string): ManagedBlockError {
  try {
    merge(existing)
  } catch (error) {
    if (error instanceof ManagedBlockError) return error
    throw error
  }
  throw new Error('expected a ManagedBlockError')
}

describe('mergeManagedBlock', () => {
  it('writes the block alone when there is no file, or only whitespace', () => {
    expect(merge(null)).toBe(first)
    expect(merge('\n  \n')).toBe(first)
    expect(first).toBe('<!-- gitlore:begin -->\n## From gitlore\n\nFirst run.\n<!-- gitlore:end -->\n')
  })

  it('appends the block after a blank line to a file without markers, changing nothing else', () => {
    expect(merge('# My notes\n\nUse tabs.\n')).toBe(`# My notes\n\nUse tabs.\n\n${first}`)
    expect(merge('# My notes\nno newline at the end')).toBe(`# My notes\nno newline at the end\n\n${first}`)
    expect(merge('# My notes\n\n')).toBe(`# My notes\n\n${first}`)
  })

  it('replaces only the block, keeping the text above and below byte for byte', () => {
    const above = '# Project rules\n\n  Indented, *marked up*, trailing spaces   \n\n'
    const below = '\n## Mine\n\nKeep this.\n\n\n'
    const merged = merge(`${above}${first}${below}`, second)
    expect(merged).toBe(`${above}${second}${below}`)
    // The next run finds its block again and changes nothing when nothing changed.
    expect(merge(merged, second)).toBe(merged)
    expect(merge(merge(`${above}old text\n`), second)).toBe(`${above}old text\n\n${second}`)
  })

  it('keeps CRLF line breaks in a CRLF file', () => {
    const existing = '# Notes\r\n\r\n<!-- gitlore:begin -->\r\nold\r\n<!-- gitlore:end -->\r\nafter\r\n'
    expect(merge(existing, second)).toBe(
      '# Notes\r\n\r\n<!-- gitlore:begin -->\r\n## From gitlore\r\n\r\nSecond run.\r\n<!-- gitlore:end -->\r\nafter\r\n',
    )
  })

  it('counts a marker only when it is a whole line', () => {
    const existing = 'Write notes outside `<!-- gitlore:begin -->` and `<!-- gitlore:end -->`.\n'
    expect(merge(existing)).toBe(`${existing}\n${first}`)
  })

  it('refuses duplicated, unbalanced or reversed markers with a message saying what to fix', () => {
    const duplicated = failure(`a\n${first}b\n${first}`)
    expect(GitloreError.isInstance(duplicated)).toBe(true)
    expect(duplicated).toMatchObject({ code: 'output_markers_invalid', kind: 'usage', path: 'CLAUDE.md' })
    expect(duplicated.message).toMatchInlineSnapshot(
      `"CLAUDE.md has more than one gitlore section (begin markers on lines 2, 8, end markers on lines 6, 12); gitlore needs exactly one "<!-- gitlore:begin -->" line followed by one "<!-- gitlore:end -->" line. Fix the file (keep one pair around the gitlore section, or delete both markers to have the section appended) and run again; no output was written."`,
    )
    expect(failure('a\n<!-- gitlore:begin -->\nb\n').message).toContain(
      'CLAUDE.md has a "<!-- gitlore:begin -->" marker on line 2 without its pair',
    )
    expect(failure('<!-- gitlore:end -->\nb\n<!-- gitlore:begin -->\n').message).toContain(
      'has its "<!-- gitlore:end -->" marker (line 1) before its "<!-- gitlore:begin -->" marker (line 3)',
    )
  })
})
