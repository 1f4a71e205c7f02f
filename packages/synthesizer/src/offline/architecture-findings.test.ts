import { repositoryContext } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { architectureFindings } from './architecture-findings.js'
import { defaultOfflineThresholds } from './offline-thresholds.js'

describe('architectureFindings', () => {
  it('reports a chain too long to be one cluster pair by pair', () => {
    // Ten files linked in a chain through strong pairs: a "cluster" would hide which files really pair up.
    const files = Array.from({ length: 10 }, (_, index) => `lib/part-${index}.ts`)
    const coupling = files.slice(1).map((b, index) => ({ a: files[index] ?? '', b, shared: 4, degree: 0.7 }))
    const { findings } = architectureFindings(repositoryContext({ coupling }), defaultOfflineThresholds)
    expect(findings).toHaveLength(9)
    expect(findings.every((finding) => finding.files.length === 2)).toBe(true)
  })

  it('calls coupling across directories out, and within one directory low', () => {
    const { findings } = architectureFindings(
      repositoryContext({
        coupling: [
          { a: 'src/a.ts', b: 'src/b.ts', shared: 9, degree: 0.9 },
          { a: 'src/server/c.ts', b: 'src/shared/d.ts', shared: 3, degree: 0.5 },
          { a: 'api/e.ts', b: 'web/f.ts', shared: 5, degree: 0.8 },
        ],
      }),
      defaultOfflineThresholds,
    )
    expect(findings.map((finding) => `${finding.severity}: ${finding.title}`)).toMatchInlineSnapshot(`
      [
        "high: api/e.ts and web/f.ts change together",
        "medium: src/server/c.ts and src/shared/d.ts change together",
        "low: src/a.ts and src/b.ts change together",
      ]
    `)
  })
})
