import { describe, expect, it } from 'vitest'
import type { ReviewSyncState } from './review-store.js'
import { planSync } from './sync-plan.js'

const options = { refresh: false, overlapSeconds: 600 }
const since = '2024-03-01T00:00:00.000Z'
const state = (overrides: Partial<ReviewSyncState>): ReviewSyncState => ({
  repository: 'api.github.com/o/r',
  syncedSince: since,
  newestUpdatedAt: '2024-03-20T10:00:00.000Z',
  pending: null,
  lastSync: null,
  ...overrides,
})

describe('planSync', () => {
  it('walks the window without a state, and only what changed (minus the overlap) with one', () => {
    expect(planSync(null, since, options)).toMatchObject({ mode: 'full', walk: { stopBefore: since, cursor: null } })
    expect(planSync(state({}), since, options)).toMatchObject({
      mode: 'incremental',
      walk: { stopBefore: '2024-03-20T09:50:00.000Z', coversSince: since },
    })
    expect(planSync(state({}), '2024-03-25T00:00:00.000Z', options).walk.stopBefore).toBe('2024-03-25T00:00:00.000Z')
    expect(planSync(state({}), '2024-02-01T00:00:00.000Z', options).mode).toBe('full')
  })

  it('resumes an interrupted walk after catching up, keeps a resumed refresh refetching, and widens it when asked', () => {
    const walk = {
      stopBefore: since,
      coversSince: since,
      cursor: 'c2',
      newestSeen: '2024-03-20T10:00:00.000Z',
      refetch: true,
    }
    const pending = state({ pending: { version: 1, walk, retry: [4] } })
    expect(planSync(pending, since, options)).toEqual({
      mode: 'resume',
      catchUpBefore: '2024-03-20T09:50:00.000Z',
      walk,
      retry: [4],
    })
    expect(planSync(pending, '2024-02-01T00:00:00.000Z', options).walk).toMatchObject({
      cursor: 'c2',
      stopBefore: '2024-02-01T00:00:00.000Z',
      coversSince: '2024-02-01T00:00:00.000Z',
    })
    expect(planSync(pending, since, { ...options, refresh: true })).toMatchObject({
      mode: 'refresh',
      walk: { cursor: null, refetch: true },
      retry: [],
    })
  })

  it('ignores a pending value it did not write', () => {
    expect(planSync(state({ pending: { version: 99 } }), since, options).mode).toBe('incremental')
  })
})
