import { describe, expect, it } from 'vitest'
import { count } from './count-noun.js'

describe('count', () => {
  it('names one thing in the singular and every other number in the plural, with separators', () => {
    expect(count(1, 'row')).toBe('1 row')
    expect(count(0, 'row')).toBe('0 rows')
    expect(count(1870, 'row')).toBe('1,870 rows')
    expect(count(2, 'quick fix', 'quick fixes')).toBe('2 quick fixes')
  })
})
