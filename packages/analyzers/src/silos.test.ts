import type { PullRequest, ReviewComment } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { botNames } from './automation.js'
import { makeCommit } from './make-commit.test-helper.js'
import { computeSilos } from './silos.js'

const pullRequest = (number: number, author: string): PullRequest =>
  ({ number, author, reviews: [] }) as unknown as PullRequest
const comment = (prNumber: number, author: string, path: string, replies: string[] = []): ReviewComment =>
  ({
    id: `${prNumber}-${author}-${path}`,
    kind: 'review_thread',
    prNumber,
    author,
    path,
    replies: replies.map((reply) => ({ author: reply, body: 'ok', createdAt: '2025-01-01T00:00:00Z' })),
  }) as unknown as ReviewComment

describe('computeSilos', () => {
  const pullRequests = [pullRequest(1, 'bob-gh'), pullRequest(2, 'carol-gh'), pullRequest(3, 'ann-gh')]
  const comments = [
    ...Array.from({ length: 4 }, () => comment(1, 'ann-gh', 'src/db/pool.ts')),
    comment(2, 'ann-gh', 'src/db/retry.ts', ['carol-gh']),
    // Answering in one's own pull request is not reviewing it.
    comment(3, 'ann-gh', 'src/db/pool.ts', ['ann-gh']),
    ...Array.from({ length: 5 }, () => comment(1, 'carol-gh', 'src/ui/form.ts')),
  ]
  const commits = [
    ...Array.from({ length: 4 }, () => makeCommit({ author: 'ann', files: ['src/db/pool.ts', 'src/ui/form.ts'] })),
    makeCommit({ author: { name: 'Ann', email: 'ann@work.example' }, files: ['src/db/retry.ts'] }),
    makeCommit({ author: 'bob', files: ['src/db/pool.ts'] }),
    makeCommit({ author: 'bob', subject: 'Version Packages', files: ['src/db/pool.ts'] }),
    makeCommit({ author: 'carol', files: ['src/ui/form.ts'] }),
  ]
  const options = {
    canonical: new Map([['ann@work.example', 'ann@example.com']]),
    loginIdentities: new Map([
      ['ann-gh', 'ann@example.com'],
      ['carol-gh', 'carol@example.com'],
    ]),
    bots: botNames(),
  }

  it('finds directories one person both writes and reviews, through merged identities', () => {
    expect(computeSilos(commits, pullRequests, comments, options)).toEqual([
      {
        path: 'src/db/',
        identity: 'ann@example.com',
        login: 'ann-gh',
        commits: 6,
        writeShare: 0.8333,
        // carol answering in her own pull request is not reviewing it.
        comments: 5,
        reviewShare: 1,
      },
    ])
  })

  it('needs enough activity and a clear majority on both sides', () => {
    expect(computeSilos(commits, pullRequests, comments, { ...options, minActivity: 7 })).toEqual([])
    expect(computeSilos(commits, pullRequests, comments, { ...options, minShare: 0.9 })).toEqual([])
  })
})
