import { expect, it } from 'vitest'
import type { CachedCiRun, CiSyncState } from '../../ci/ci-records.js'
import type { SuiteContext } from './index.js'

const repository = 'api.github.com/octo/hello'
const state: CiSyncState = {
  repository,
  syncedSince: '2026-09-01T00:00:00.000Z',
  newestCreatedAt: '2026-09-03T00:00:00.000Z',
  pending: { version: 1, walk: null, retry: [12_345_678_901], incompleteSince: null },
  lastSync: { finishedAt: '2026-09-04T00:00:00.000Z', requests: 3, runs: 2, jobs: 5, logsStored: 1, logsExpired: 1 },
}
// GitHub's run and job ids are far past 2^31.
const run = (id: number, createdAt: string, jobs: number, attempts = 1): CachedCiRun => ({
  id,
  createdAt,
  version: `1:${attempts}:completed:${createdAt}`,
  data: { title: `run ${id}` },
  jobs: Array.from({ length: jobs }, (_, index) => ({
    id: id * 10 + index,
    attempt: 1 + Math.floor((index * attempts) / jobs),
    data: { name: `job ${index}`, log: { status: 'stored', tail: 'H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==' } },
  })),
})

export function ciCases({ database }: SuiteContext): void {
  it('stores runs with their jobs and the sync state in one go, and reads a window back newest first', async () => {
    const cache = await (await database()).open()
    const runs = [
      run(12_345_678_901, '2026-09-02T00:00:00.000Z', 3, 2),
      run(12_345_678_950, '2026-09-03T00:00:00.000Z', 2),
    ]
    await cache.putCiRuns(repository, runs, state)
    expect(await cache.getCiSyncState(repository)).toEqual(state)
    expect(await cache.getCiRuns(repository, '2026-09-01T00:00:00.000Z', '2026-09-30T00:00:00.000Z')).toEqual([
      runs[1],
      runs[0],
    ])
    expect(await cache.getCiRuns(repository, '2026-09-02T12:00:00.000Z', '2026-09-30T00:00:00.000Z')).toHaveLength(1)
    expect(await cache.getCiRunVersions(repository, [12_345_678_901, 1])).toEqual(
      new Map([[12_345_678_901, '1:2:completed:2026-09-02T00:00:00.000Z']]),
    )
    expect(await cache.getCiSyncState('api.github.com/other/repo')).toBeNull()
  })

  it('replaces a run and all of its jobs when it is stored again (a re-run), and is emptied by clear', async () => {
    const cache = await (await database()).open()
    await cache.putCiRuns(repository, [run(7_000_000_001, '2026-09-02T00:00:00.000Z', 4)], state)
    const rerun = run(7_000_000_001, '2026-09-02T00:00:00.000Z', 2, 2)
    await cache.putCiRuns(repository, [rerun], state)
    expect(await cache.getCiRuns(repository, '2026-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z')).toEqual([rerun])
    const many = Array.from({ length: 400 }, (_, index) =>
      run(8_000_000_000 + index, new Date(Date.UTC(2026, 8, 1) + index * 60_000).toISOString(), 3),
    )
    await cache.putCiRuns(repository, many, state)
    expect((await cache.stats()).rows).toMatchObject({ ci_runs: 401, ci_jobs: 1_202, ci_repos: 1 })
    await cache.clear()
    expect((await cache.stats()).rows).toMatchObject({ ci_runs: 0, ci_jobs: 0, ci_repos: 0 })
  })
}
