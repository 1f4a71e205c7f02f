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
})
