import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { makeCommit } from './make-commit.test-helper.js'

describe('hubs', () => {
  it('counts distinct partners from the whole coupling list, before the cap', () => {
    const partners = Array.from({ length: 25 }, (_, index) => `part${String(index).padStart(2, '0')}.ts`)
    const commits = partners.flatMap((partner) =>
      Array.from({ length: 3 }, () => makeCommit({ files: ['hub.ts', partner] })),
    )
    const stats = analyzeHistory(commits, { top: 0 })
    expect(stats.coupling).toHaveLength(20)
    expect(stats.hubs).toHaveLength(20)
    expect(stats.hubs[0]).toEqual({ path: 'hub.ts', partners: 25 })
    expect(stats.hubs[1]).toEqual({ path: 'part00.ts', partners: 1 })
  })

  it('sorts by partners desc, then path', () => {
    const pair = (a: string, b: string) => Array.from({ length: 3 }, () => makeCommit({ files: [a, b] }))
    const { hubs } = analyzeHistory([...pair('b.ts', 'c.ts'), ...pair('a.ts', 'c.ts'), ...pair('d.ts', 'e.ts')])
    expect(hubs).toEqual([
      { path: 'c.ts', partners: 2 },
      { path: 'a.ts', partners: 1 },
      { path: 'b.ts', partners: 1 },
      { path: 'd.ts', partners: 1 },
      { path: 'e.ts', partners: 1 },
    ])
  })
})
