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
    expect(stats.hubs[0]).toMatchObject({ path: 'hub.ts', partners: 25 })
    expect(stats.hubs[0]?.strongest.map((partner) => partner.path)).toEqual([
      'part00.ts',
      'part01.ts',
      'part02.ts',
      'part03.ts',
      'part04.ts',
    ])
    expect(stats.hubs[1]).toMatchObject({ path: 'part00.ts', partners: 1, strongest: [{ path: 'hub.ts', shared: 3 }] })
  })

  it('sorts by partners desc, then path', () => {
    const pair = (a: string, b: string) => Array.from({ length: 3 }, () => makeCommit({ files: [a, b] }))
    const { hubs } = analyzeHistory([...pair('b.ts', 'c.ts'), ...pair('a.ts', 'c.ts'), ...pair('d.ts', 'e.ts')])
    expect(hubs.map(({ path, partners }) => ({ path, partners }))).toEqual([
      { path: 'c.ts', partners: 2 },
      { path: 'a.ts', partners: 1 },
      { path: 'b.ts', partners: 1 },
      { path: 'd.ts', partners: 1 },
      { path: 'e.ts', partners: 1 },
    ])
  })

  it('names the strongest partners first and leaves generated files out unless included', () => {
    const together = (files: string[], times: number) => Array.from({ length: times }, () => makeCommit({ files }))
    const commits = [
      ...together(['core.ts', 'weak.ts'], 3),
      ...together(['core.ts', 'strong.ts'], 5),
      ...together(['core.ts', 'package-lock.json'], 9),
    ]
    const hub = (options = {}) => analyzeHistory(commits, options).hubs.find((entry) => entry.path === 'core.ts')
    expect(hub()).toMatchObject({ partners: 2, strongest: [{ path: 'strong.ts' }, { path: 'weak.ts' }] })
    expect(hub({ includeGenerated: true })?.partners).toBe(3)
    expect(hub({ includeGenerated: true })?.strongest[0]?.path).toBe('package-lock.json')
  })
})
