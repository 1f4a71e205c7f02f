import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { dayAt, makeCommit } from './make-commit.test-helper.js'

describe('hotspots', () => {
  it('sums lines, counts commits and distinct identities, and ignores merges', () => {
    const { hotspots } = analyzeHistory([
      makeCommit({
        author: { name: 'Bob', email: 'Bob@Example.com' },
        files: [{ path: 'a.ts', added: 5, removed: 2 }],
      }),
      makeCommit({
        author: { name: 'Bob', email: 'bob@example.com' },
        files: [{ path: 'a.ts', added: 1, removed: 1 }],
      }),
      makeCommit({ author: 'carol', files: [{ path: 'a.ts', added: 0, removed: 3 }] }),
      makeCommit({ parents: ['1', '2'], author: 'dave', files: [{ path: 'a.ts', added: 100, removed: 100 }] }),
    ])
    expect(hotspots).toEqual([
      { path: 'a.ts', commits: 3, added: 6, removed: 6, churn: 12, authors: 2, lastChanged: dayAt(0) },
    ])
  })

  it('counts binary files with zero lines', () => {
    const { hotspots } = analyzeHistory([
      makeCommit({ files: [{ path: 'logo.png', binary: true, status: 'added' }] }),
      makeCommit({ files: [{ path: 'logo.png', binary: true }] }),
    ])
    expect(hotspots).toEqual([
      { path: 'logo.png', commits: 2, added: 0, removed: 0, churn: 0, authors: 1, lastChanged: dayAt(0) },
    ])
  })

  it('counts file events with unknown line counts on the path and in the window, adding no lines', () => {
    const { hotspots, commits } = analyzeHistory([
      makeCommit({
        files: [
          { path: 'big.py', linesUnknown: true },
          { path: 'a.ts', added: 2 },
        ],
      }),
      makeCommit({ files: [{ path: 'big.py', added: 3, removed: 1 }] }),
      makeCommit({ files: [{ path: 'big.py', linesUnknown: true, status: 'deleted' }] }),
    ])
    expect(commits).toEqual({ total: 3, merges: 0, authors: 1, unknownLineCounts: 2 })
    expect(hotspots).toEqual([
      {
        path: 'big.py',
        commits: 3,
        added: 3,
        removed: 1,
        churn: 4,
        authors: 1,
        lastChanged: dayAt(0),
        unknownLineCounts: 2,
      },
      { path: 'a.ts', commits: 1, added: 2, removed: 0, churn: 2, authors: 1, lastChanged: dayAt(0) },
    ])
  })

  it('breaks ties by churn, then by path in code-unit order', () => {
    const { hotspots } = analyzeHistory([
      makeCommit({
        files: [
          { path: 'b.ts', added: 1 },
          { path: 'a.ts', added: 1 },
          { path: 'B.ts', added: 1 },
        ],
      }),
      makeCommit({ files: [{ path: 'c.ts', added: 9 }, 'é.ts', 'z.ts'] }),
      makeCommit({ files: ['c.ts'] }),
    ])
    // Upper case sorts before lower case, and 'é' after 'z', unlike localeCompare.
    expect(hotspots.map((hotspot) => hotspot.path)).toEqual(['c.ts', 'B.ts', 'a.ts', 'b.ts', 'z.ts', 'é.ts'])
  })

  it('takes lastChanged from the latest author time, whatever the input order', () => {
    const { hotspots } = analyzeHistory([
      makeCommit({ at: dayAt(1), files: ['a.ts'] }),
      makeCommit({ at: dayAt(5), files: ['a.ts'] }),
      makeCommit({ at: dayAt(3), files: ['a.ts'] }),
    ])
    expect(hotspots[0]?.lastChanged).toBe(dayAt(5))
  })
})
