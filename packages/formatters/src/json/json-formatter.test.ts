import { repositoryContext, sha } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { JsonFormatter } from './json-formatter.js'

describe('JsonFormatter', () => {
  it('writes findings.json with the run it came from', () => {
    const file = new JsonFormatter().format({
      context: repositoryContext({ commits: { total: 120, merges: 9, authors: 3 } }),
      findings: [
        {
          // Keys in another order than the document's: the output order is fixed.
          files: ['src/db/pool.ts'],
          evidence: [{ ref: sha('1'), text: 'Reverted in 1111111', source: 'git' }],
          insight: 'Read the reverted change first.',
          severity: 'high',
          category: 'fragile_area',
          title: 'src/db/pool.ts: 2 reverts',
          id: 'fragile_area-1',
        },
      ],
      synthesizer: 'offline',
      generatedAt: '2024-04-01T12:00:00.000Z',
      clusters: [],
    })
    expect(file.path).toBe('findings.json')
    expect(file.content).toMatchInlineSnapshot(`
      "{
        "schemaVersion": 1,
        "generatedAt": "2024-04-01T12:00:00.000Z",
        "repo": {
          "path": "/work/widgets",
          "head": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "branch": "main",
          "remote": "acme/widgets"
        },
        "window": {
          "since": "2024-01-01T00:00:00.000Z",
          "until": "2024-03-31T23:59:59.000Z"
        },
        "synthesizer": "offline",
        "findings": [
          {
            "id": "fragile_area-1",
            "title": "src/db/pool.ts: 2 reverts",
            "category": "fragile_area",
            "severity": "high",
            "insight": "Read the reverted change first.",
            "evidence": [
              {
                "source": "git",
                "text": "Reverted in 1111111",
                "ref": "1111111111111111111111111111111111111111"
              }
            ],
            "files": [
              "src/db/pool.ts"
            ]
          }
        ],
        "degradedStages": [],
        "notes": []
      }
      "
    `)
  })
})
