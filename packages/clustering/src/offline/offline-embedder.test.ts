import { describe, expect, it } from 'vitest'
import { dot } from '../cluster/vector-math.js'
import { createEmbedder } from '../create-embedder.js'
import { describeEmbedderContract } from '../embedder-contract.test-helper.js'
import { extractTerms } from './extract-terms.js'

describeEmbedderContract('offline', async () => ({ embedder: createEmbedder({ kind: 'offline', batchSize: 16 }) }))
describeEmbedderContract('offline, 64 dimensions', async () => ({
  embedder: createEmbedder({ kind: 'offline', dimensions: 64 }),
}))

describe('offline embedder', () => {
  it('splits identifiers on camelCase, snake_case and digits, keeping the whole identifier too', () => {
    const stems = extractTerms('Call `fetchUserById` or fetch_user_by_id2 with the HTTPClient').map((term) => term.stem)
    expect(stems).toEqual(
      expect.arrayContaining([
        '=fetchuserbyid',
        'fetch',
        'user',
        '=fetch_user_by_id2',
        '=httpclient',
        'http',
        'client',
      ]),
    )
    expect(stems).not.toContain('the')
  })

  it('meets inflections, doubled consonants included, and leaves out words every review comment uses', () => {
    const stems = (text: string) => extractTerms(text).map((term) => term.stem)
    expect(stems('spamming')).toEqual(stems('spam'))
    expect(stems('stopped')).toEqual(stems('stop'))
    expect(stems('Please do not add all these changes made here')).toEqual([])
  })

  it('matches prose and code that name the same thing', async () => {
    const embedder = createEmbedder({ kind: 'offline' })
    const [code, prose, other] = await embedder.embed([
      '`getUserName()` is slow',
      'getting the user name is slow',
      'typo in README',
    ])
    expect(dot(code!, prose!)).toBeGreaterThan(0.4)
    expect(dot(code!, other!)).toBeLessThan(0.1)
  })

  it('is the same across instances and needs no network', async () => {
    const [first] = await createEmbedder({ kind: 'offline' }).embed(['Guard against a nil pointer in `Close()`'])
    const [second] = await createEmbedder({ kind: 'offline' }).embed(['Guard against a nil pointer in `Close()`'])
    expect([...first!]).toEqual([...second!])
  })

  it('gives a text with nothing to compare the zero vector', async () => {
    const [vector] = await createEmbedder({ kind: 'offline' }).embed(['Should be fine, thanks!'])
    expect(vector!.every((value) => value === 0)).toBe(true)
  })

  it('refuses a useless vector length', () => {
    expect(() => createEmbedder({ kind: 'offline', dimensions: 2 })).toThrow(/at least 8/)
  })
})
