import { GitHubRequestError } from './errors/github-request-error.js'
import type { GqlConnection, GqlPullRequest, GqlPullRequestPage } from './graphql/graphql-types.js'
import { type PageSizes, shrinkPageSizes } from './graphql/page-sizes.js'
import { nestedPageVariables, pullRequestPageQuery, pullRequestsByNumberQuery } from './graphql/queries.js'
import { type GitHubPartialError, type GraphQLRunner, QueryTimeout } from './run-graphql.js'

/** Pull requests fetched in one request, each with the partial errors that hit it. */
export interface FetchedNodes {
  readonly nodes: readonly { readonly node: GqlPullRequest; readonly errors: readonly GitHubPartialError[] }[]
  /** Errors not tied to a pull request that was returned (a pull request that failed to load entirely). */
  readonly lostErrors: readonly GitHubPartialError[]
  /** Pull requests GitHub could not load at all (null nodes). */
  readonly lost: number
}

/** Fetches pull-request pages, halving the page whenever GitHub times out; remembers the size that worked. */
export class PullRequestPages {
  constructor(
    private readonly runner: GraphQLRunner,
    private readonly repository: { readonly owner: string; readonly repo: string },
    public sizes: PageSizes,
    private readonly onShrink: (sizes: PageSizes) => void = () => {},
  ) {}

  private shrink(error: QueryTimeout): void {
    const smaller = shrinkPageSizes(this.sizes)
    if (smaller === null) {
      throw new GitHubRequestError({
        ...(error.status === undefined ? {} : { status: error.status }),
        message: `GitHub timed out even on a page of one pull request (${error.message})`,
        cause: error,
      })
    }
    this.sizes = smaller
    this.onShrink(smaller)
  }

  /** The page after `after` (null: the first), most recently updated first. */
  async page(
    after: string | null,
  ): Promise<FetchedNodes & { readonly hasNextPage: boolean; readonly endCursor: string | null }> {
    for (;;) {
      try {
        const { data, errors } = await this.runner.run<GqlPullRequestPage>(pullRequestPageQuery, {
          owner: this.repository.owner,
          name: this.repository.repo,
          first: this.sizes.pullRequests,
          after,
          ...nestedPageVariables(this.sizes),
        })
        const connection: GqlConnection<GqlPullRequest> | null | undefined = data?.repository?.pullRequests
        if (!connection) {
          const said = errors.map((error) => error.message).join('; ')
          throw new GitHubRequestError({ message: `GitHub returned no pull requests: ${said || 'empty answer'}` })
        }
        const nodes = connection.nodes ?? []
        return {
          ...byNode(nodes, errors, (path) => (path[0] === 'repository' && path[2] === 'nodes' ? path[3] : undefined)),
          hasNextPage: connection.pageInfo.hasNextPage,
          endCursor: connection.pageInfo.endCursor,
        }
      } catch (error) {
        if (!(error instanceof QueryTimeout)) throw error
        this.shrink(error)
      }
    }
  }

  /** Pull requests by number (those a partial error left incomplete); numbers GitHub no longer has are in `gone`. */
  async byNumber(numbers: readonly number[]): Promise<FetchedNodes & { readonly gone: readonly number[] }> {
    for (;;) {
      try {
        const { data, errors } = await this.runner.run<{ repository: Record<string, GqlPullRequest | null> | null }>(
          pullRequestsByNumberQuery(numbers),
          { owner: this.repository.owner, name: this.repository.repo, ...nestedPageVariables(this.sizes) },
        )
        const nodes = numbers.map((_, index) => data?.repository?.[`p${index}`] ?? null)
        const gone = numbers.filter((_, index) =>
          errors.some((error) => error.type === 'NOT_FOUND' && error.path?.[1] === `p${index}`),
        )
        const found = byNode(nodes, errors, (path) =>
          path[0] === 'repository' && typeof path[1] === 'string' ? Number(path[1].slice(1)) : undefined,
        )
        return { ...found, lost: found.lost - gone.length, gone }
      } catch (error) {
        if (!(error instanceof QueryTimeout)) throw error
        this.shrink(error)
      }
    }
  }
}

function byNode(
  nodes: readonly (GqlPullRequest | null)[],
  errors: readonly GitHubPartialError[],
  indexOf: (path: readonly (string | number)[]) => string | number | undefined,
): FetchedNodes {
  const found: { node: GqlPullRequest; errors: GitHubPartialError[] }[] = []
  const lostErrors: GitHubPartialError[] = []
  const atIndex = new Map<number, { node: GqlPullRequest; errors: GitHubPartialError[] }>()
  nodes.forEach((node, index) => {
    if (node === null) return
    const entry = { node, errors: [] as GitHubPartialError[] }
    found.push(entry)
    atIndex.set(index, entry)
  })
  for (const error of errors) {
    const index = error.path === undefined ? undefined : indexOf(error.path)
    const entry = typeof index === 'number' ? atIndex.get(index) : undefined
    if (entry) entry.errors.push({ ...error, pullRequest: entry.node.number })
    else lostErrors.push(error)
  }
  return { nodes: found, lostErrors, lost: nodes.length - found.length }
}
