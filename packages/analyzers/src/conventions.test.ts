import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { makeCommit } from './make-commit.test-helper.js'

describe('conventions', () => {
  it('is all zeros for an empty history', () => {
    expect(analyzeHistory([]).conventions).toEqual({
      conventionalShare: 0,
      prefixes: {},
      prNumberSuffixShare: 0,
      medianSubjectLength: 0,
      coAuthoredShare: 0,
    })
  })

  it('counts conventional types lower-cased, with scopes and breaking marks', () => {
    const subjects = [
      'FEAT: loud',
      'feat(api)!: break',
      'fix(ui): x',
      'feature: not a type',
      'Docs:ok',
      'chore (x): no',
    ]
    const { conventions } = analyzeHistory(subjects.map((subject) => makeCommit({ subject })))
    expect(conventions.prefixes).toEqual({ docs: 1, feat: 2, fix: 1 })
    expect(conventions.conventionalShare).toBe(0.6667)
  })

  it('takes the median in code points, averaging the middle pair for an even count', () => {
    const subjects = ['ab', '🙂🙂🙂', 'abcdefgh', 'abcd']
    const { conventions } = analyzeHistory(subjects.map((subject) => makeCommit({ subject })))
    expect(conventions.medianSubjectLength).toBe(3.5)
  })

  it('recognises PR number suffixes and Co-authored-by lines in any case at a line start', () => {
    const { conventions } = analyzeHistory([
      makeCommit({ subject: 'Add search (#12)  ', body: 'co-authored-by: Alice <alice@example.com>' }),
      makeCommit({ subject: 'Add (#12) search', body: 'Text\nCO-AUTHORED-BY: Bob <bob@example.com>' }),
      makeCommit({ subject: 'Tidy (#x)', body: '  Co-authored-by: indented <x@example.com>' }),
    ])
    expect(conventions.prNumberSuffixShare).toBe(0.3333)
    expect(conventions.coAuthoredShare).toBe(0.6667)
  })

  it('skips merge subjects', () => {
    const { conventions } = analyzeHistory([
      makeCommit({ subject: 'feat: a' }),
      makeCommit({ parents: ['1', '2'], subject: "Merge branch 'x'" }),
    ])
    expect(conventions.conventionalShare).toBe(1)
    expect(conventions.medianSubjectLength).toBe(7)
  })
})
