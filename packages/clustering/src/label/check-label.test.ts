import { describe, expect, it } from 'vitest'
import { concernLabel } from '../describe/concern-label.js'
import { checkLabel } from './check-label.js'

const theme = {
  topTerms: ['retry', 'timeout', 'client'],
  samples: ['Wrap this call: a timeout here takes the page down.', 'No retry when the API client fails?'],
  taken: new Set(['missing tests for the parser']),
}

describe('checkLabel', () => {
  it('accepts a short plain label related to the theme, cleaned of quotes and a final stop', () => {
    expect(checkLabel('"Missing error handling in the API client."', theme)).toEqual({
      label: 'Missing error handling in the API client',
    })
    expect(checkLabel('Label: Retries on timeouts\nBecause the comments...', theme)).toEqual({
      label: 'Retries on timeouts',
    })
  })

  it('rejects markup, error and refusal sentences, unrelated, overlong and repeated labels', () => {
    const rejected = (label: string) => {
      const result = checkLabel(label, theme)
      return 'rejected' in result ? result.rejected : null
    }
    expect(rejected('<label>Retry handling</label>')).toBe('markup')
    expect(rejected('# Retry handling')).toBe('markup')
    expect(rejected('Retry handling](https://evil.example)')).toBe('markup')
    expect(rejected("I'm sorry, but I can't name this theme")).toBe('error')
    expect(rejected('Error: rate limit exceeded for the client')).toBe('error')
    expect(rejected('An error occurred while generating the label')).toBe('error')
    expect(rejected('Quarterly marketing budget review')).toBe('unrelated')
    expect(rejected('Retry '.repeat(20))).toBe('length')
    expect(rejected('')).toBe('empty')
    expect(rejected('Missing tests for the parser')).toBe('unrelated')
    expect(
      'rejected' in
        checkLabel('Missing tests for the client', { ...theme, taken: new Set(['missing tests for the client']) }),
    ).toBe(true)
  })
})

describe('concernLabel', () => {
  it('reads as the concern: main category, key terms, and the area when one dominates', () => {
    expect(
      concernLabel(['retry', 'timeout', 'ci'], { error_handling: 6, question: 8 }, [
        'src/api/client.ts',
        'src/api/client.ts',
        'src/api/retry.ts',
        'src/ui/page.tsx',
      ]),
    ).toBe('Error handling around retry and timeout in src/api/')
    expect(concernLabel(['fixture'], { testing: 3 }, ['a.ts', 'b/c.ts'])).toBe('Missing tests for fixture')
    expect(concernLabel([], { naming: 2 }, [])).toBe('Naming of one part of the code')
    // The concern's own word is not repeated as one of its terms.
    expect(concernLabel(['test', 'timeout', 'retry'], { testing: 4 }, ['test/app.js', 'test/b.js'])).toBe(
      'Missing tests for timeout and retry in test/',
    )
  })
})
