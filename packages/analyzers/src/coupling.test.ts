import type { Commit } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { makeCommit } from './make-commit.test-helper.js'

const times = (count: number, files: string[]): Commit[] => Array.from({ length: count }, () => makeCommit({ files }))

describe('coupling', () => {
  it('orders each pair a < b and computes the degree over mean revisions, rounded to 4 decimals', () => {
    const { coupling } = analyzeHistory([...times(3, ['z.ts', 'a.ts']), ...times(1, ['a.ts']), ...times(2, ['z.ts'])])
    // revs(a.ts) = 4, revs(z.ts) = 5: 3 / 4.5 = 0.6666...
    expect(coupling).toEqual([{ a: 'a.ts', b: 'z.ts', shared: 3, degree: 0.6667 }])
  })

  it('keeps pairs with at least minSharedCommits shared commits', () => {
    const commits = [...times(3, ['a.ts', 'b.ts']), ...times(2, ['c.ts', 'd.ts'])]
    expect(analyzeHistory(commits).coupling.map((pair) => pair.a)).toEqual(['a.ts'])
    expect(analyzeHistory(commits, { minSharedCommits: 2 }).coupling.map((pair) => pair.a)).toEqual(['a.ts', 'c.ts'])
  })

  it('leaves out commits touching more than maxChangesetSize files, also from the revision counts', () => {
    const big = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts']
    const commits = [...times(3, ['a.ts', 'b.ts']), ...times(3, big)]
    expect(analyzeHistory(commits, { maxChangesetSize: 5 }).coupling).toEqual([
      { a: 'a.ts', b: 'b.ts', shared: 3, degree: 1 },
    ])
    // At exactly the limit the commits count, for the pairs and for the revisions.
    const atLimit = analyzeHistory(commits, { maxChangesetSize: 6 }).coupling
    expect(atLimit[0]).toEqual({ a: 'a.ts', b: 'b.ts', shared: 6, degree: 1 })
    expect(atLimit.find((pair) => pair.a === 'a.ts' && pair.b === 'c.ts')).toEqual({
      a: 'a.ts',
      b: 'c.ts',
      shared: 3,
      degree: 0.6667,
    })
  })

  it('ignores merge commits', () => {
    const merges = Array.from({ length: 3 }, () => makeCommit({ parents: ['1', '2'], files: ['a.ts', 'b.ts'] }))
    expect(analyzeHistory(merges).coupling).toEqual([])
  })

  it('sorts by shared desc, degree desc, then a and b', () => {
    const { coupling } = analyzeHistory([
      ...times(3, ['c.ts', 'd.ts']),
      ...times(3, ['a.ts', 'y.ts']),
      ...times(1, ['y.ts']),
      ...times(3, ['a.ts', 'x.ts']),
      ...times(1, ['x.ts']),
      ...times(3, ['b.ts', 'w.ts']),
      ...times(1, ['w.ts']),
      ...times(4, ['m.ts', 'n.ts']),
    ])
    // revs: a.ts 6, x.ts and y.ts 4 (3 / 5 = 0.6); b.ts 3, w.ts 4 (3 / 3.5 = 0.857142...).
    expect(coupling.map((pair) => [pair.a, pair.b, pair.shared, pair.degree])).toEqual([
      ['m.ts', 'n.ts', 4, 1],
      ['c.ts', 'd.ts', 3, 1],
      ['b.ts', 'w.ts', 3, 0.8571],
      ['a.ts', 'x.ts', 3, 0.6],
      ['a.ts', 'y.ts', 3, 0.6],
    ])
  })
})
