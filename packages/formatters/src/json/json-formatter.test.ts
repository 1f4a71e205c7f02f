import { repositoryContext, sha } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { ciReportInput, flakyTestName } from '../__fixtures__/ci-stats.js'
import { realisticReportInput } from '../__fixtures__/report-input.js'
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

  it('carries the CI statistics after the findings, with the totals before the cap, only when CI history was read', () => {
    const document = JSON.parse(new JsonFormatter().format(ciReportInput()).content)
    expect(Object.keys(document).indexOf('ci')).toBe(Object.keys(document).indexOf('findings') + 1)
    expect(document.ci).toMatchObject({ defaultBranch: 'main', runs: 52, timeToGreen: { median: 17.2, count: 1 } })
    expect(document.ci.tests[0]).toMatchObject({
      test: flakyTestName,
      failedRuns: 7,
      reruns: 7,
      rerunPassed: 6,
      flaky: true,
    })
    expect(document.ci.failingJobs.map((job: { job: string }) => job.job)).toEqual(['unit', 'lint'])
    expect(document.ci.redCommits[1]).toMatchObject({ subject: 'Speed up tokenizer', repairedBy: 'cy@acme.dev' })
    expect(document.ci.totals).toMatchObject({ tests: 2, flakyTests: 1, stillRed: 1 })
    expect(JSON.parse(new JsonFormatter().format(realisticReportInput()).content).ci).toBeUndefined()
  })
})
