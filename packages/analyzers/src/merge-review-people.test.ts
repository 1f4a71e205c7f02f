import type { Commit, PullRequest, RepositoryContext, ReviewStats } from '@gitlore/core'
import { validateContext } from '@gitlore/core'
import { repositoryContext } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { analyzeReviews } from './analyze-reviews.js'
import { githubLoginIdentities } from './github-login-identities.js'
import { dayAt, makeCommit } from './make-commit.test-helper.js'
import { mergeReviewPeople } from './merge-review-people.js'

const context: RepositoryContext = repositoryContext({
  repo: { path: '/r', head: null, branch: 'main', remote: 'o/r' },
  window: { since: '2024-03-01T00:00:00.000Z', until: '2024-03-31T00:00:00.000Z' },
  commits: { total: 3, merges: 0, authors: 3 },
  people: [
    { identity: 'ann@corp.example', name: 'Ann', commits: 2, files: 3, lastCommit: '2024-03-01T00:00:00.000Z' },
    {
      identity: '1234+bobby@users.noreply.github.com',
      name: 'Bob',
      commits: 1,
      files: 1,
      lastCommit: '2024-03-01T00:00:00.000Z',
    },
    { identity: 'zoe@corp.example', name: 'Zoe', commits: 1, files: 1, lastCommit: '2024-03-01T00:00:00.000Z' },
  ],
})

const stats: ReviewStats = {
  ...analyzeReviews([], [], { bots: 0, trivial: 0 }),
  reviewers: [
    { login: 'Bobby', reviews: 4, comments: 9, approvals: 3, changesRequested: 1 },
    { login: 'ann-gh', reviews: 2, comments: 1, approvals: 2, changesRequested: 0 },
    { login: 'outsider', reviews: 7, comments: 0, approvals: 7, changesRequested: 0 },
  ],
  authors: [
    { login: 'ann-gh', pullRequests: 5 },
    { login: 'Bobby', pullRequests: 1 },
  ],
}

describe('mergeReviewPeople', () => {
  it('matches logins to people by the given map and by noreply addresses, and the result validates', () => {
    const merged = mergeReviewPeople(context, stats, new Map([['ann-gh', 'ann@corp.example']]))
    expect(merged.people).toEqual([
      {
        identity: 'ann@corp.example',
        name: 'Ann',
        commits: 2,
        files: 3,
        lastCommit: '2024-03-01T00:00:00.000Z',
        login: 'ann-gh',
        reviewsGiven: 2,
        commentsGiven: 1,
        prsAuthored: 5,
      },
      {
        identity: '1234+bobby@users.noreply.github.com',
        name: 'Bob',
        commits: 1,
        files: 1,
        lastCommit: '2024-03-01T00:00:00.000Z',
        login: 'Bobby',
        reviewsGiven: 4,
        commentsGiven: 9,
        prsAuthored: 1,
      },
      {
        identity: 'zoe@corp.example',
        name: 'Zoe',
        commits: 1,
        files: 1,
        lastCommit: '2024-03-01T00:00:00.000Z',
        reviewsGiven: 0,
        commentsGiven: 0,
        prsAuthored: 0,
      },
    ])
    expect(merged.reviews).toBe(stats)
    expect(() => validateContext(merged)).not.toThrow()
  })

  it('learns identities from squash-merged commits that name their pull request', () => {
    const commits: Commit[] = [
      makeCommit({ at: dayAt(1), author: { name: 'Ann', email: 'Ann@Corp.example' }, subject: 'feat: login (#12)' }),
      makeCommit({ at: dayAt(2), author: { name: 'Ann', email: 'ann@home.example' }, subject: 'fix: typo (#13)' }),
      makeCommit({ at: dayAt(3), author: { name: 'Ann', email: 'ann@corp.example' }, subject: 'fix: logout (#14)' }),
      makeCommit({ at: dayAt(4), author: { name: 'Dep', email: 'bot@example.com' }, subject: 'chore: bump (#15)' }),
    ]
    const pullRequests = [12, 13, 14, 15].map(
      (number) => ({ number, author: number === 15 ? 'dependabot[bot]' : 'Ann-GH' }) as PullRequest,
    )
    expect(githubLoginIdentities(commits, pullRequests)).toEqual(new Map([['ann-gh', 'ann@corp.example']]))
  })
})
