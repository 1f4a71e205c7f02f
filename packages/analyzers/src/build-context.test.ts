import { type GitHistory, validateContext } from '@gitlore/core'
import { buildHistoryFixture, historyDates } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { buildContext } from './build-context.js'
import { commitsFromGit } from './commits-from-git.test-helper.js'

describe('buildContext', () => {
  it('produces a document that passes the published context schema', async () => {
    const { dir, shas } = await buildHistoryFixture()
    const window = { since: historyDates.start, until: historyDates.end }
    const history: GitHistory = {
      repository: { path: dir, head: shas.end ?? null, branch: 'main', remote: null },
      window,
      commits: await commitsFromGit(dir, window),
      warnings: ['history stops at a shallow boundary'],
      shallow: true,
      skippedSubmoduleEntries: 0,
    }
    const context = buildContext(history, analyzeHistory(history.commits, { top: 0 }))
    const document = JSON.parse(JSON.stringify(context)) as unknown
    expect(() => validateContext(document)).not.toThrow()
    expect(context).toMatchObject({
      schemaVersion: 1,
      repo: history.repository,
      window,
      warnings: ['history stops at a shallow boundary'],
    })
    expect(Object.keys(context).slice(0, 5)).toEqual(['schemaVersion', 'repo', 'window', 'warnings', 'commits'])
  })
})
