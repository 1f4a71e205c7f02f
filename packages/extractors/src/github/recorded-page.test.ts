import { readFileSync } from 'node:fs'
import { checkRecordedPage } from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { pullRequestPageQuery } from './graphql/queries.js'
import { closeTestGitHubs, startTestGitHub } from './test-support/github-test-server.js'

afterEach(closeTestGitHubs)

const recorded = JSON.parse(
  readFileSync(new URL('../../../../fixtures/github/pages/pull-request-page.json', import.meta.url), 'utf8'),
) as {
  variables: Record<string, unknown>
  response: { data: { repository: { pullRequests: { nodes: Record<string, unknown>[] } } } }
}

describe('the recorded pull-request page', () => {
  it('fits the query and GitHub’s schema', async () => {
    expect(await checkRecordedPage(pullRequestPageQuery, recorded.variables, recorded.response)).toEqual([])
  })

  it.each([
    ['an enum value GitHub does not have', (node: Record<string, unknown>) => (node.state = 'merged'), /merged/],
    ['a missing non-null field', (node: Record<string, unknown>) => delete node.title, /title/],
    ['a field the query did not ask for', (node: Record<string, unknown>) => (node.body = 'text'), /did not ask/],
  ])('is told apart from a page with %s', async (_, tamper, problem) => {
    const tampered = structuredClone(recorded.response)
    const [first] = tampered.data.repository.pullRequests.nodes
    if (first === undefined) throw new Error('empty recording')
    tamper(first)
    expect((await checkRecordedPage(pullRequestPageQuery, recorded.variables, tampered)).join('\n')).toMatch(problem)
  })

  it('replays into pull requests and comments', async () => {
    const github = await startTestGitHub(undefined, {
      intercept: (request, next) => (request.index === 0 ? { status: 200, body: recorded.response } : next()),
    })
    const data = await github.extractor().fetch({ since: '2024-03-01T00:00:00Z' })
    expect(github.server.requests).toHaveLength(1)
    expect(data.pullRequests.map((pullRequest) => [pullRequest.number, pullRequest.author, pullRequest.state])).toEqual(
      [
        [3, 'ghost', 'CLOSED'],
        [4, 'bob', 'MERGED'],
      ],
    )
    expect(
      data.comments.map((comment) => [comment.prNumber, comment.kind, comment.author, comment.path ?? null]),
    ).toEqual([
      [3, 'issue_comment', 'ghost', null],
      [3, 'review_thread', 'ghost', 'README.md'],
      [4, 'review_thread', 'alice', 'src/auth/session.ts'],
    ])
  })
})
