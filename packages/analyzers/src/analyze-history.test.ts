import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { dayAt, makeCommit } from './make-commit.test-helper.js'

describe('analyzeHistory', () => {
  it('counts non-merge commits, merges and distinct authors', () => {
    const { commits } = analyzeHistory([
      makeCommit({ author: { name: 'A', email: 'A@x.org' } }),
      makeCommit({ author: { name: 'a', email: 'a@x.org' } }),
      makeCommit({ author: 'merger', parents: ['1', '2'] }),
      makeCommit({ author: 'octopus', parents: ['1', '2', '3'] }),
      makeCommit({ author: 'root', parents: [] }),
    ])
    expect(commits).toEqual({ total: 3, merges: 2, authors: 2 })
  })

  it('gives empty lists for an empty history', () => {
    expect(analyzeHistory([])).toMatchObject({
      commits: { total: 0, merges: 0, authors: 0 },
      hotspots: [],
      coupling: [],
      hubs: [],
      reverts: [],
      fixAfter: [],
      ownership: [],
      people: [],
    })
  })

  it('caps lists at top entries, but never below 20', () => {
    const commits = Array.from({ length: 30 }, (_, index) =>
      makeCommit({ author: `dev${index}`, subject: 'Revert "x"', files: [`f${index}.ts`] }),
    )
    for (const [top, length] of [
      [0, 20],
      [25, 25],
      [100, 30],
    ] as const) {
      const stats = analyzeHistory(commits, { top })
      expect([stats.hotspots.length, stats.people.length]).toEqual([length, length])
      expect([stats.totals.hotspots, stats.totals.people]).toEqual([30, 30])
      // Reverts are never capped: every count of them is read from the list.
      expect(stats.reverts).toHaveLength(30)
    }
  })

  it('does not modify its input', () => {
    const commits = [
      makeCommit({ at: dayAt(2), subject: 'fix: b', files: ['b.ts', 'a.ts'] }),
      makeCommit({ at: dayAt(1), files: ['b.ts', 'a.ts'] }),
    ]
    const before = structuredClone(commits)
    analyzeHistory(commits)
    expect(commits).toEqual(before)
  })

  it('rejects a commit whose author date cannot be read', () => {
    expect(() => analyzeHistory([makeCommit({ at: 'yesterday' })])).toThrow(/not ISO 8601/)
  })
})
