import { describe, expect, it } from 'vitest'
import { visibleText } from './visible-text.js'

describe('visibleText', () => {
  it('shows escape sequences instead of obeying them', () => {
    expect(visibleText('\x1b]0;pwned\x07title \x1b[31mred\x1b[0m')).toBe('␛]0;pwned␇title ␛[31mred␛[0m')
    expect(visibleText('a\rb\0c\x7f')).toBe('a␍b␀c␡')
  })

  it('shows one-byte CSI, bidirectional overrides and invisible tag characters', () => {
    expect(visibleText('x\u009b31my')).toBe('x{U+009B}31my')
    expect(visibleText('admin\u202e\u2066')).toBe('admin{U+202E}{U+2066}')
    expect(visibleText('hi\u{e0041}')).toBe('hi{U+E0041}')
  })

  it('keeps text, tabs, emoji and, unless asked for one line, newlines', () => {
    const text = 'naïve\tcafé 👨‍👩‍👧 日本\nnext'
    expect(visibleText(text)).toBe(text)
    expect(visibleText('one\ntwo', { multiline: false })).toBe('one␊two')
  })
})
