import type { PullRequest, PullRequestReview, ReviewComment } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { analyzeReviews } from './analyze-reviews.js'
import { summarizeDurations } from './duration-summary.js'

const at = (hours: number) => new Date(Date.UTC(2024, 2, 1) + hours * 3_600_000).toISOString()
const review = (author: string, state: PullRequestReview['state'], hours: number): PullRequestReview => ({
  author,
  state,
  submittedAt: at(hours),
  body: '',
})
const pullRequest = (
  number: number,
  author: string,
  reviews: PullRequestReview[],
  mergedAfter: number | null,
): PullRequest => ({
  number,
  title: `PR ${number}`,
  url: `https://github.com/o/r/pull/${number}`,
  author,
  state: mergedAfter === null ? 'OPEN' : 'MERGED',
  createdAt: at(0),
  mergedAt: mergedAfter === null ? null : at(mergedAfter),
  closedAt: mergedAfter === null ? null : at(mergedAfter),
  updatedAt: at(100),
  additions: 1,
  deletions: 1,
  changedFiles: 1,
  reviews,
})
const thread = (
  prNumber: number,
  author: string,
  path: string,
  replies: string[],
  isResolved: boolean,
): ReviewComment => ({
  id: `${prNumber}-${path}-${author}`,
  kind: 'review_thread',
  prNumber,
  url: 'u',
  author,
  authorAssociation: 'MEMBER',
  body: 'a point',
  createdAt: at(1),
  path,
  line: 1,
  isResolved,
  isOutdated: false,
  replies: replies.map((reply) => ({ author: reply, body: 'answer', createdAt: at(2) })),
})

describe('analyzeReviews', () => {
  const pullRequests = [
    pullRequest(
      1,
      'ann',
      [review('bob', 'CHANGES_REQUESTED', 2), review('ann', 'COMMENTED', 3), review('bob', 'APPROVED', 10)],
      20,
    ),
    pullRequest(2, 'bob', [review('ann', 'APPROVED', 4), review('cy', 'COMMENTED', 1)], 30),
    pullRequest(3, 'ann', [], null),
    pullRequest(4, 'ghost', [review('bob', 'APPROVED', 8)], null),
  ]
  const comments = [
    thread(1, 'bob', 'src/auth/session.ts', ['ann', 'bob'], true),
    thread(1, 'bob', 'src/auth/token.ts', [], false),
    thread(2, 'ann', 'src/auth/session.ts', ['bob'], false),
    thread(2, 'cy', 'README.md', [], true),
    {
      id: 'c3',
      kind: 'issue_comment',
      prNumber: 3,
      url: 'u',
      author: 'bob',
      authorAssociation: 'MEMBER',
      body: 'a question',
      createdAt: at(1),
      replies: [],
    } satisfies ReviewComment,
  ]
  const stats = analyzeReviews(pullRequests, comments, { bots: 3, trivial: 5 })

  it('counts reviews by others, their verdicts and the comments kept', () => {
    expect(stats).toMatchObject({ pullRequests: 4, comments: 8, reviews: 5, filtered: { bots: 3, trivial: 5 } })
    expect(stats.approvalShare).toBe(0.6)
    expect(stats.changesRequestedShare).toBe(0.2)
  })

  it('says who reviews whom, leaving out self-review and deleted accounts per person', () => {
    expect(stats.reviewers).toEqual([
      { login: 'bob', reviews: 3, comments: 4, approvals: 2, changesRequested: 1 },
      { login: 'ann', reviews: 1, comments: 1, approvals: 1, changesRequested: 0 },
      { login: 'cy', reviews: 1, comments: 1, approvals: 0, changesRequested: 0 },
    ])
    expect(stats.pairs).toEqual([
      { reviewer: 'bob', author: 'ann', pullRequests: 2 },
      { reviewer: 'ann', author: 'bob', pullRequests: 1 },
      { reviewer: 'cy', author: 'bob', pullRequests: 1 },
    ])
    expect(stats.authors).toEqual([
      { login: 'ann', pullRequests: 2 },
      { login: 'bob', pullRequests: 1 },
    ])
  })

  it('measures time to first review and to merge in hours', () => {
    expect(stats.timeToFirstReview).toEqual({ median: 2, p90: 8, count: 3 })
    expect(stats.timeToMerge).toEqual({ median: 25, p90: 30, count: 2 })
  })

  it('ranks discussed files and directories and the share of threads left unresolved', () => {
    expect(stats.discussedFiles).toEqual([
      { path: 'src/auth/session.ts', comments: 5, threads: 2 },
      { path: 'README.md', comments: 1, threads: 1 },
      { path: 'src/auth/token.ts', comments: 1, threads: 1 },
    ])
    expect(stats.discussedDirectories).toEqual([
      { path: 'src/auth/', comments: 6, threads: 3 },
      { path: './', comments: 1, threads: 1 },
    ])
    expect(stats.unresolvedThreadShare).toBe(0.5)
  })

  it('is empty but well-formed without data', () => {
    expect(analyzeReviews([], [], { bots: 0, trivial: 0 })).toMatchObject({
      reviews: 0,
      approvalShare: 0,
      timeToMerge: { median: null, p90: null, count: 0 },
      unresolvedThreadShare: 0,
    })
  })
})

describe('summarizeDurations', () => {
  it('takes the middle (or the mean of the two middles) and the nearest-rank 90th percentile', () => {
    expect(summarizeDurations([5, 1, 3])).toEqual({ median: 3, p90: 5, count: 3 })
    expect(summarizeDurations([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ median: 5.5, p90: 9, count: 10 })
    expect(summarizeDurations([1 / 3])).toEqual({ median: 0.33, p90: 0.33, count: 1 })
  })
})
