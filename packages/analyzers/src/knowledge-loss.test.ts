import { describe, expect, it } from 'vitest'
import { analyzeHistory } from './analyze-history.js'
import { dayAt, makeCommit } from './make-commit.test-helper.js'

describe('knowledge loss', () => {
  const commits = [
    makeCommit({ at: dayAt(400), author: 'stays', files: ['core.ts'] }),
    makeCommit({ at: dayAt(399), author: 'stays', files: ['legacy.ts'] }),
    ...Array.from({ length: 3 }, (_, index) =>
      makeCommit({ at: dayAt(10 + index), author: 'gone', files: ['legacy.ts', 'old.ts'] }),
    ),
    makeCommit({ at: dayAt(14), author: 'gone', files: [{ path: 'old.ts', status: 'deleted' }] }),
    makeCommit({ at: dayAt(5), author: 'gone', files: ['package-lock.json'] }),
  ]

  it('lists files still present whose main author has been inactive for the period', () => {
    const { knowledgeLoss } = analyzeHistory(commits, { until: dayAt(401) })
    expect(knowledgeLoss).toEqual({
      inactiveDays: 180,
      asOf: dayAt(401),
      inactiveAuthors: 1,
      authors: [{ identity: 'gone@example.com', lastCommit: dayAt(14), files: 1, commits: 4 }],
      paths: [
        {
          path: 'legacy.ts',
          commits: 4,
          mainAuthor: 'gone@example.com',
          mainAuthorShare: 0.75,
          mainAuthorLastCommit: dayAt(14),
          inactiveShare: 0.75,
        },
      ],
    })
  })

  it('measures inactivity from the window end and honours the period', () => {
    expect(analyzeHistory(commits, { until: dayAt(401), inactiveDays: 400 }).knowledgeLoss.paths).toEqual([])
    expect(analyzeHistory(commits).knowledgeLoss.asOf).toBe(dayAt(400))
  })
})
