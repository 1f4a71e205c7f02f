import { graphqlCost } from '@gitlore/fixtures'
import { validate } from '@octokit/graphql-schema'
import { parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { choosePageSizes, growPageSizes, type PageSizes, pageCost, shrinkPageSizes } from './page-sizes.js'
import {
  type Continuation,
  followUpQuery,
  nestedPageVariables,
  pullRequestPageQuery,
  pullRequestsByNumberQuery,
} from './queries.js'

const messages = (query: string) => validate(query).map((error) => error.message)

describe("gitlore's GraphQL queries", () => {
  it('validate against GitHub’s published schema', () => {
    expect(messages(pullRequestPageQuery)).toEqual([])
    expect(messages(pullRequestsByNumberQuery([3, 17, 42]))).toEqual([])
  })

  it.each([
    [['reviewThreads'] as const],
    [['threadComments'] as const],
    [['comments', 'reviews'] as const],
    [['reviewThreads', 'threadComments', 'comments', 'reviews'] as const],
  ])('build follow-ups that validate: %j', (kinds) => {
    const continuations: Continuation[] = kinds.map((kind, index) => ({
      kind,
      id: `NODE_${index}`,
      after: `cursor${index}`,
    }))
    const { query, variables } = followUpQuery(continuations, 100, 10)
    expect(messages(query)).toEqual([])
    expect('threadComments' in variables).toBe(kinds.includes('reviewThreads' as never))
  })

  it('cost what pageCost says under GitHub’s rules, within the budget they were chosen for', () => {
    const sizes = choosePageSizes()
    expect(sizes.pullRequests).toBe(50)
    const { cost, nodeCount } = graphqlCost(parse(pullRequestPageQuery), {
      first: sizes.pullRequests,
      ...nestedPageVariables(sizes),
    })
    expect(cost).toBe(pageCost(sizes))
    expect(cost).toBeLessThanOrEqual(20)
    expect(nodeCount).toBeLessThan(500_000)
    expect(choosePageSizes({ pointsPerRequest: 5 }).pullRequests).toBeLessThan(sizes.pullRequests)
  })

  it('shrink the nested pages to their floors first, then the pull-request page, then the rest; grow back in reverse', () => {
    const target = choosePageSizes()
    let sizes: ReturnType<typeof shrinkPageSizes> = target
    const seen: PageSizes[] = []
    while (sizes !== null) {
      seen.push(sizes)
      sizes = shrinkPageSizes(sizes)
    }
    const line = (entry: PageSizes) =>
      [entry.pullRequests, entry.reviews, entry.comments, entry.reviewThreads, entry.threadComments].join('/')
    expect(seen.map(line).slice(0, 10)).toEqual([
      '50/20/30/30/10',
      '50/10/15/15/5',
      '50/10/10/10/5',
      '25/10/10/10/5',
      '13/10/10/10/5',
      '7/10/10/10/5',
      '4/10/10/10/5',
      '2/10/10/10/5',
      '1/10/10/10/5',
      '1/5/5/5/3',
    ])
    expect(seen.at(-1)).toEqual({ pullRequests: 1, reviews: 1, comments: 1, reviewThreads: 1, threadComments: 1 })
    expect(seen.length).toBeLessThan(15)

    const grown: PageSizes[] = []
    let up: PageSizes | null = seen.at(-1) ?? null
    while (up !== null) {
      grown.push(up)
      up = growPageSizes(up, target)
    }
    expect(grown.map(line).slice(0, 4)).toEqual(['1/1/1/1/1', '1/2/2/2/2', '1/4/4/4/4', '1/8/8/8/5'])
    expect(grown.at(-1)).toEqual(target)
    expect(grown.map(line)).toContain('50/10/10/10/5')
  })
})
