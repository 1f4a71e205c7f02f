import { graphqlCost } from '@gitlore/fixtures'
import { validate } from '@octokit/graphql-schema'
import { parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { choosePageSizes, pageCost, shrinkPageSizes } from './page-sizes.js'
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

  it('shrink pages by halves down to one pull request with small nested pages, then stop', () => {
    let sizes: ReturnType<typeof shrinkPageSizes> = choosePageSizes()
    const seen: number[] = []
    while (sizes !== null) {
      seen.push(sizes.pullRequests)
      sizes = shrinkPageSizes(sizes)
    }
    expect(seen.slice(0, 7)).toEqual([50, 25, 13, 7, 4, 2, 1])
    expect(seen.length).toBeLessThan(15)
  })
})
