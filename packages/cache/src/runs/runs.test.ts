import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunRecord } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { createCache } from '../create-cache.js'

function run(id: string, startedAt: string, degraded = false): RunRecord {
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

describe('runs', () => {
  it('stores runs, lists them newest first and finds one by id or unique prefix', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-runs-')), 'cache.db')
    const cache = await createCache({ path })
    expect(await cache.latestRun()).toBeNull()
    await cache.putRun(run('20250101-aaaa', '2025-01-01T00:00:00.000Z'))
    await cache.putRun(run('20250102-bbbb', '2025-01-02T00:00:00.000Z', true))
    await cache.putRun(run('20250102-bbcc', '2025-01-02T00:00:01.000Z'))
    expect((await cache.listRuns()).map((summary) => summary.id)).toEqual([
      '20250102-bbcc',
      '20250102-bbbb',
      '20250101-aaaa',
    ])
    expect((await cache.listRuns()).find((summary) => summary.id === '20250102-bbbb')?.degraded).toEqual(['reviews'])
    expect((await cache.latestRun())?.id).toBe('20250102-bbcc')
    expect((await cache.getRun('20250101'))?.report).toEqual({ any: 'thing' })
    expect(await cache.getRun('20250102-bb')).toBeNull()
    expect(await cache.getRun('%')).toBeNull()
    await cache.close()
  })

  it('keeps how each run ended, also for runs that never got a report', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-runs-')), 'cache.db')
    const cache = await createCache({ path })
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
    await cache.close()
  })
})
