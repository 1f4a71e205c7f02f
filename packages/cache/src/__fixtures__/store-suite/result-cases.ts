import type { RunRecord } from '@gitlore/core'
import { expect, it } from 'vitest'
import type { SuiteContext } from './index.js'

export function run(id: string, startedAt: string, degraded = false): RunRecord {
  return {
    id,
    startedAt,
    finishedAt: startedAt,
    repositoryPath: '/repo',
    head: 'a'.repeat(40),
    configHash: 'c0ffee',
    stages: [
      { stage: 'history', status: 'ok' },
      ...(degraded ? [{ stage: 'reviews', status: 'degraded' as const, detail: 'no token' }] : []),
    ],
    usage: [],
    report: { any: 'thing' },
    findings: [],
    rawOutput: null,
    transcript: [],
  }
}

export function resultCases({ database }: SuiteContext): void {
  it('round-trips a listing and keeps it across reopening', async () => {
    const db = await database()
    const listing = [
      {
        sha: 'a'.repeat(40),
        parents: ['b'.repeat(40), 'c'.repeat(40)],
        authorTime: 1700000000,
        committerTime: 1700000100,
      },
      { sha: 'b'.repeat(40), parents: [], authorTime: 1600000000, committerTime: 1600000000 },
    ]
    const cache = await db.open()
    expect(await cache.getListing('head-1')).toBeNull()
    await cache.putListing('head-1', listing)
    await cache.close()
    expect(await (await db.open()).getListing('head-1')).toEqual(listing)
  })

  it('replaces a result under the same key and keeps only the newest few per namespace', async () => {
    const cache = await (await database()).open()
    await cache.putResult('stats', 'k', { value: 1 })
    await cache.putResult('stats', 'k', { value: 2 })
    expect(await cache.getResult('stats', 'k')).toEqual({ value: 2 })
    expect(await cache.getResult('other', 'k')).toBeNull()
    for (let index = 0; index < 20; index++) await cache.putResult('stats', `key-${index}`, index)
    expect(await cache.getResult('stats', 'key-19')).toBe(19)
    expect(await cache.getResult('stats', 'key-0')).toBeNull()
    expect((await cache.stats()).rows.results).toBeLessThanOrEqual(8)
    await cache.clear()
    expect(await cache.getResult('stats', 'key-19')).toBeNull()
  })

  it('keeps every theme label, however many themes there are, across reopening', async () => {
    const db = await database()
    const cache = await db.open()
    for (let index = 0; index < 100; index++) await cache.putThemeLabel(`theme-${index}`, `Label ${index}`)
    for (let index = 0; index < 20; index++) await cache.putResult('stats', `key-${index}`, index)
    await cache.close()
    const reopened = await db.open()
    for (let index = 0; index < 100; index++)
      expect(await reopened.getThemeLabel(`theme-${index}`)).toBe(`Label ${index}`)
    expect(await reopened.getThemeLabel('unknown')).toBeNull()
  })

  it('stores runs, lists them newest first and finds one by id or unique prefix', async () => {
    const cache = await (await database()).open()
    expect(await cache.latestRun()).toBeNull()
    await cache.putRun(run('20250101-aaaa', '2025-01-01T00:00:00.000Z'))
    await cache.putRun(run('20250102-bbbb', '2025-01-02T00:00:00.000Z', true))
    await cache.putRun(run('20250102-bbcc', '2025-01-02T00:00:01.000Z'))
    await cache.putRun(run('20250102-bbcc', '2025-01-02T00:00:01.000Z'))
    expect((await cache.listRuns()).map((summary) => summary.id)).toEqual([
      '20250102-bbcc',
      '20250102-bbbb',
      '20250101-aaaa',
    ])
    expect((await cache.listRuns(1)).map((summary) => summary.id)).toEqual(['20250102-bbcc'])
    expect((await cache.listRuns()).find((summary) => summary.id === '20250102-bbbb')).toMatchObject({
      degraded: ['reviews'],
      findings: 0,
    })
    expect((await cache.latestRun())?.id).toBe('20250102-bbcc')
    expect((await cache.getRun('20250101'))?.report).toEqual({ any: 'thing' })
    expect(await cache.getRun('20250102-bb')).toBeNull()
    expect(await cache.getRun('%')).toBeNull()
  })

  it('keeps how each run ended, also for runs that never got a report', async () => {
    const cache = await (await database()).open()
    await cache.putRun(run('20250101-aaaa', '2025-01-01T00:00:00.000Z'))
    await cache.putRun({
      ...run('20250102-bbbb', '2025-01-02T00:00:00.000Z'),
      status: 'interrupted',
      error: 'interrupted during classification',
      report: null,
    })
    await cache.putRun({ ...run('20250103-cccc', '2025-01-03T00:00:00.000Z', true), status: 'degraded' })
    expect((await cache.listRuns()).map((summary) => [summary.id, summary.status])).toEqual([
      ['20250103-cccc', 'degraded'],
      ['20250102-bbbb', 'interrupted'],
      ['20250101-aaaa', 'finished'],
    ])
    expect(await cache.getRun('20250102-bbbb')).toMatchObject({ status: 'interrupted', report: null })
    await cache.putRun({ ...run('20250104-dddd', '2025-01-04T00:00:00.000Z'), status: 'failed', report: null })
    // The newest run with a report, for rendering: not the failed one.
    expect((await cache.latestRun())?.id).toBe('20250103-cccc')
  })
}
