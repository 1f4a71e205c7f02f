import { countWorldComments, largePullRequest, touchPullRequest } from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryReviewStore } from './memory-review-store.js'
import { closeTestGitHubs, startTestGitHub } from './test-support/github-test-server.js'

afterEach(closeTestGitHubs)

const since = '2024-03-01T00:00:00Z'
const commentCount = (comments: readonly { replies: readonly unknown[] }[]) =>
  comments.reduce((sum, comment) => sum + 1 + comment.replies.length, 0)

describe('fetching review data', () => {
  it('follows every overflowing nested connection: >100 threads, a 150-comment thread, 120 comments, 30 reviews', async () => {
    const github = await startTestGitHub()
    const data = await github.extractor({ extraBots: ['ci-helper'] }).fetch({ since })
    const large = data.comments.filter((comment) => comment.prNumber === largePullRequest.number)
    const threads = large.filter((comment) => comment.kind === 'review_thread')
    expect(threads).toHaveLength(largePullRequest.reviewThreads)
    expect(threads.find((thread) => thread.replies.length > 0)?.replies).toHaveLength(
      largePullRequest.longThreadComments - 1,
    )
    expect(large.filter((comment) => comment.kind === 'issue_comment')).toHaveLength(
      largePullRequest.conversationComments,
    )
    const pullRequest = data.pullRequests.find((entry) => entry.number === largePullRequest.number)
    expect(pullRequest?.reviews).toHaveLength(largePullRequest.reviews)
    // Every comment arrives exactly once.
    const ids = data.comments.flatMap((comment) => [comment.id])
    expect(new Set(ids).size).toBe(ids.length)
    expect(commentCount(large)).toBe(
      largePullRequest.longThreadComments +
        largePullRequest.reviewThreads -
        1 +
        largePullRequest.conversationComments +
        1,
    )
  })

  it('keeps pull requests updated in the window only, newest first, and stops paging past it', async () => {
    const github = await startTestGitHub()
    const data = await github.extractor({ pageSizes: { pullRequests: 2 } }).fetch({ since })
    expect(data.pullRequests.map((pullRequest) => pullRequest.number)).toEqual([1, 2, 5, 3, 4])
    // 7 pull requests in pages of 2, newest first: the third page reaches #6 (January) and the walk stops there.
    const pages = github.server.requests.filter((request) => request.query?.includes('GitlorePullRequestPage'))
    expect(pages).toHaveLength(3)
  })

  it('drops bots and trivia but counts them by reason, and keeps every human comment', async () => {
    const github = await startTestGitHub()
    const data = await github.extractor({ extraBots: ['ci-helper'] }).fetch({ since })
    const retries = data.comments.filter((comment) => comment.prNumber === 2)
    expect(retries.map((comment) => [comment.kind, comment.author, comment.body])).toEqual([
      ['review_thread', 'dave', 'This any is deliberate: the payload is untyped JSON from the webhook.'],
      ['issue_comment', 'erin', 'Why do we retry three times here? The upstream client already retries.'],
      ['review_body', 'erin', 'Please handle the timeout before merging.'],
      ['review_thread', 'erin', 'This swallows the error; log it or rethrow.'],
    ])
    const swallowed = retries.find((comment) => comment.body.startsWith('This swallows'))
    expect(swallowed?.replies.map((reply) => reply.body)).toEqual([
      'Thanks, looks right now, but please also add a test for the timeout path.',
    ])
    expect(data.filtered).toEqual({
      bots: 9,
      trivial: 7,
      byReason: {
        bot_account: 3,
        bot_login: 1,
        bot_list: 1,
        bot_content: 4,
        trivial_approval: 3,
        trivial_thanks: 2,
        trivial_emoji: 1,
        trivial_short: 1,
      },
    })
    const kept = commentCount(data.comments)
    expect(kept + data.filtered.bots + data.filtered.trivial).toBe(
      github.world.pullRequests
        .filter((pullRequest) => pullRequest.updatedAt >= since)
        .reduce((sum, pullRequest) => sum + countWorldComments({ ...github.world, pullRequests: [pullRequest] }), 0),
    )
    const reviewers = data.pullRequests
      .find((pullRequest) => pullRequest.number === 2)
      ?.reviews.map((review) => review.author)
    expect(reviewers).toEqual(['erin', 'erin'])
  })

  it('counts a login on the extra bot list only when configured', async () => {
    const github = await startTestGitHub()
    const data = await github.extractor().fetch({ since })
    expect(data.comments.some((comment) => comment.body === 'Build 481 passed on all platforms.')).toBe(true)
    expect(data.filtered.byReason.bot_list).toBeUndefined()
  })

  it('shows deleted accounts as ghost', async () => {
    const github = await startTestGitHub()
    const data = await github.extractor().fetch({ since })
    const docs = data.pullRequests.find((pullRequest) => pullRequest.number === 3)
    expect(docs?.author).toBe('ghost')
    expect(docs?.reviews).toEqual([
      { author: 'ghost', state: 'APPROVED', submittedAt: '2024-03-11T09:00:00Z', body: '' },
    ])
    const comments = data.comments.filter((comment) => comment.prNumber === 3)
    expect(comments.map((comment) => comment.author)).toEqual(['ghost', 'ghost'])
    expect(comments[1]?.replies.map((reply) => reply.author)).toEqual(['bob'])
    expect(comments[1]).toMatchObject({ path: 'README.md', line: 3, isResolved: false, isOutdated: true })
  })
})

describe('incremental sync', () => {
  it('costs one request of one point when nothing changed', async () => {
    const github = await startTestGitHub()
    const store = createMemoryReviewStore()
    const first = await github.extractor({ store }).fetch({ since })
    github.takeRequests()
    const second = await github.extractor({ store }).fetch({ since })
    const requests = github.takeRequests()
    expect(requests.map((request) => /query (\w+)/.exec(request.query ?? '')?.[1])).toEqual([
      'GitlorePullRequestNumbers',
    ])
    expect(requests[0]?.cost).toBe(1)
    expect(second).toMatchObject({ requests: 1, points: 1 })
    expect(second.sync).toEqual({ mode: 'incremental', fetchedPullRequests: 0, probe: { changed: 0 } })
    expect(second.comments).toEqual(first.comments)
    expect(second.pullRequests).toEqual(first.pullRequests)

    // Without the probe, the same sync walks a first page of 50 pull requests: 17 points.
    const walked = await github.extractor({ store, probe: false }).fetch({ since })
    expect(walked).toMatchObject({ requests: 1, points: 17 })
    expect(walked.sync.probe).toBeNull()
  })

  it('fetches only pull requests that changed, by number, and upserts them', async () => {
    const github = await startTestGitHub()
    const store = createMemoryReviewStore()
    await github.extractor({ store }).fetch({ since })
    const changed = github.world.pullRequests.find((pullRequest) => pullRequest.number === 4)
    if (changed === undefined) throw new Error('fixture lost #4')
    touchPullRequest(changed, '2024-03-25T08:00:00Z', 'We should backport this to the 1.x branch.')
    github.takeRequests()
    const data = await github.extractor({ store }).fetch({ since })
    expect(data.sync).toEqual({ mode: 'incremental', fetchedPullRequests: 1, probe: { changed: 1 } })
    const requests = github.takeRequests()
    expect(requests.map((request) => /query (\w+)/.exec(request.query ?? '')?.[1])).toEqual([
      'GitlorePullRequestNumbers',
      'GitlorePullRequestsByNumber',
    ])
    expect(data.points).toBe(2)
    expect(data.pullRequests[0]?.number).toBe(4)
    expect(
      data.comments.filter((comment) => comment.body === 'We should backport this to the 1.x branch.'),
    ).toHaveLength(1)
  })

  it('refetches the whole window on refresh', async () => {
    const github = await startTestGitHub()
    const store = createMemoryReviewStore()
    const first = await github.extractor({ store }).fetch({ since })
    const refreshed = await github.extractor({ store }).fetch({ since, refresh: true })
    expect(refreshed.sync).toEqual({ mode: 'refresh', fetchedPullRequests: 5, probe: null })
    expect(refreshed.comments).toEqual(first.comments)
  })

  it('walks further back when the window grows past what is stored', async () => {
    const github = await startTestGitHub()
    const store = createMemoryReviewStore()
    await github.extractor({ store }).fetch({ since })
    const wider = await github.extractor({ store }).fetch({ since: '2024-01-01T00:00:00Z' })
    expect(wider.sync).toEqual({ mode: 'full', fetchedPullRequests: 1, probe: null })
    expect(wider.pullRequests.map((pullRequest) => pullRequest.number)).toContain(6)
  })
})
