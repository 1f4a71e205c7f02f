import { describe, expect, it } from 'vitest'
import { parseClassifications } from './parse-classifications.js'

const ids = ['1', '2', '3']

describe('parseClassifications', () => {
  it('reads the requested format', () => {
    const parsed = parseClassifications(
      '<classifications>\n<c id="1" categories="bug,error_handling" confidence="0.9"/>\n<c id="2" categories="praise" confidence="1"/>\n<c id="3" categories="question" confidence="0.4"/>\n</classifications>',
      ids,
    )
    expect(Object.fromEntries(parsed.answers)).toEqual({
      1: { categories: ['bug', 'error_handling'], confidence: 0.9 },
      2: { categories: ['praise'], confidence: 1 },
      3: { categories: ['question'], confidence: 0.4 },
    })
    expect(parsed.problems.size).toBe(0)
  })

  it('finds the answer inside code fences and prose', () => {
    const parsed = parseClassifications(
      'Sure! Here are the classifications:\n```xml\n<classifications>\n  <c id="1" categories="style" confidence="0.7" />\n</classifications>\n```\nLet me know if you need more.',
      ['1'],
    )
    expect(parsed.answers.get('1')).toEqual({ categories: ['style'], confidence: 0.7 })
  })

  it('keeps the complete entries of an answer cut off mid-element and names the rest missing', () => {
    const parsed = parseClassifications(
      '<classifications>\n<c id="1" categories="bug" confidence="0.8"/>\n<c id="2" categ',
      ids,
    )
    expect([...parsed.answers.keys()]).toEqual(['1'])
    expect(Object.fromEntries(parsed.problems)).toEqual({
      2: 'no answer for this comment',
      3: 'no answer for this comment',
    })
  })

  it('normalises category spellings, drops unknown ones, and fails an entry left with none', () => {
    const parsed = parseClassifications(
      '<c id="1" categories="Error-Handling, perf, vibes" confidence="80%"/><c id="2" categories="vibes" confidence="0.5"/><c id="3" categories="" confidence="0.5"/>',
      ids,
    )
    expect(parsed.answers.get('1')).toEqual({ categories: ['error_handling', 'performance'], confidence: 0.8 })
    expect(parsed.problems.get('2')).toBe('unknown categories: vibes')
    expect(parsed.problems.get('3')).toBe('no categories given')
  })

  it('accepts elements with child tags, open elements and other confidence spellings', () => {
    const parsed = parseClassifications(
      [
        '<comment id="1"><categories>testing; naming</categories><confidence>high</confidence></comment>',
        '<classification id="#2"><category>nit</category><category>style</category><confidence>75</confidence></classification>',
        "<c id='3' categories='docs' confidence='.5'>",
      ].join('\n'),
      ids,
    )
    expect(Object.fromEntries(parsed.answers)).toEqual({
      1: { categories: ['testing', 'naming'], confidence: 0.9 },
      2: { categories: ['nitpick', 'style'], confidence: 0.75 },
      3: { categories: ['documentation'], confidence: 0.5 },
    })
  })

  it('fails an entry without a usable confidence, and ignores ids it did not ask about and repeats', () => {
    const parsed = parseClassifications(
      '<c id="1" categories="bug"/><c id="2" categories="bug" confidence="7 out of 10"/><c id="9" categories="bug" confidence="1"/><c id="3" categories="bug" confidence="0.6"/><c id="3" categories="praise" confidence="0.6"/>',
      ids,
    )
    expect(parsed.problems.get('1')).toBe('no confidence given')
    expect(parsed.problems.get('2')).toBe('invalid confidence "7 out of 10"')
    expect([...parsed.answers.keys()]).toEqual(['3'])
    expect(parsed.answers.get('3')?.categories).toEqual(['bug'])
  })

  it('finds nothing in an empty or unrelated answer', () => {
    expect(parseClassifications('', ids).problems.size).toBe(3)
    expect(parseClassifications('I cannot help with that.', ids).answers.size).toBe(0)
  })
})
