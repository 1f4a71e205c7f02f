import { GitHubRequestError } from './errors/github-request-error.js'
import { AdaptiveSizes } from './graphql/adaptive-sizes.js'
import type {
  GqlConnection,
  GqlPullRequest,
  GqlPullRequestNumbers,
  GqlPullRequestPage,
} from './graphql/graphql-types.js'
import { growPageSizes, type PageSizes, shrinkPageSizes } from './graphql/page-sizes.js'
import {
  nestedPageVariables,
  pullRequestNumbersQuery,
  pullRequestPageQuery,
  pullRequestsByNumberQuery,
} from './graphql/queries.js'
import { type GitHubPartialError, type GraphQLRunner, QueryTimeout } from './run-graphql.js'

/** Pull requests fetched in one request, each with the partial errors that hit it. */
export interface FetchedNodes {
  readonly nodes: readonly { readonly node: GqlPullRequest; readonly errors: readonly GitHubPartialError[] }[]
  /** Errors not tied to a pull request that was returned (a pull request that failed to load entirely). */
  readonly lostErrors: readonly GitHubPartialError[]
  /** Pull requests GitHub could not load at all (null nodes). */
  readonly lost: number
}

/** A pull request's number and last update, as the numbers query gives them. */
export interface PullRequestStamp {
  readonly number: number
  readonly updatedAt: string
}

/** How page sizes changed: smaller after a timeout, or bigger again after answers. */
export type PageResize = 'shrunk' | 'grown'

/**
 * Fetches pull-request pages. A timeout shrinks the page (nested first pages before the pull-request
 * page) and asks again; after a few answers the sizes grow back toward the configured ones.
 */
export class PullRequestPages {
  readonly #sizes: AdaptiveSizes<PageSizes>

  constructor(
    private readonly runner: GraphQLRunner,
    private readonly repository: { readonly owner: string; readonly repo: string },
    sizes: PageSizes,
    private readonly onResize: (sizes: PageSizes, change: PageResize, reason: string) => void = () => {},
  ) {
    this.#sizes = new AdaptiveSizes(sizes, { shrink: shrinkPageSizes, grow: growPageSizes })
  }

  /** The sizes pages are asked for now. */
  get sizes(): PageSizes {
    return this.#sizes.current
  }

  #shrink(error: QueryTimeout): void {
    const smaller = this.#sizes.shrink()
    if (smaller === null) {
      throw new GitHubRequestError({
        ...(error.status === undefined ? {} : { status: error.status }),
        message: `GitHub timed out even on a page of one pull request (${error.message})`,
        cause: error,
      })
    }
    this.onResize(smaller, 'shrunk', error.message)
  }

  #answered(): void {
    const bigger = this.#sizes.answered()
    if (bigger !== null) this.onResize(bigger, 'grown', 'pages went through')
  }

  /** Runs `ask` at the current sizes until GitHub answers, shrinking after each timeout. */
  async #ask<T>(ask: (sizes: PageSizes) => Promise<T>): Promise<T> {
    for (;;) {
      try {
        const answer = await ask(this.sizes)
        this.#answered()
        return answer
      } catch (error) {
        if (!(error instanceof QueryTimeout)) throw error
        this.#shrink(error)
      }
    }
  }

  /** The page after `after` (null: the first), most recently updated first. */
  page(after: string | null): Promise<
    FetchedNodes & {
      readonly hasNextPage: boolean
      readonly endCursor: string | null
      /** Pull requests the page asked for. */
      readonly first: number
    }
  > {
    return this.#ask(async (sizes) => {
      const { data, errors } = await this.runner.run<GqlPullRequestPage>(pullRequestPageQuery, {
        owner: this.repository.owner,
        name: this.repository.repo,
        first: sizes.pullRequests,
        after,
        ...nestedPageVariables(sizes),
      })
      const connection: GqlConnection<GqlPullRequest> | null | undefined = data?.repository?.pullRequests
      if (!connection) {
        const said = errors.map((error) => error.message).join('; ')
        throw new GitHubRequestError({ message: `GitHub returned no pull requests: ${said || 'empty answer'}` })
      }
      return {
        ...byNode(connection.nodes ?? [], errors, (path) =>
          path[0] === 'repository' && path[2] === 'nodes' ? path[3] : undefined,
        ),
        hasNextPage: connection.pageInfo.hasNextPage,
        endCursor: connection.pageInfo.endCursor,
        first: sizes.pullRequests,
      }
    })
  }

  /**
   * Numbers and update times of up to `first` (at most 100) pull requests after `after`, most
   * recently updated first: one point, whatever the page sizes.
   */
  async stamps(
    after: string | null,
    first: number,
  ): Promise<{ readonly stamps: readonly PullRequestStamp[]; readonly hasNextPage: boolean }> {
    const { data } = await this.runner.run<GqlPullRequestNumbers>(pullRequestNumbersQuery, {
      owner: this.repository.owner,
      name: this.repository.repo,
      first: Math.min(100, Math.max(1, first)),
      after,
    })
    const connection = data?.repository?.pullRequests
    if (!connection) throw new GitHubRequestError({ message: 'GitHub returned no pull requests' })
    const stamps = (connection.nodes ?? []).filter((node): node is PullRequestStamp => node !== null)
    return { stamps, hasNextPage: connection.pageInfo.hasNextPage }
  }

  /** Pull requests by number (those a partial error left incomplete); numbers GitHub no longer has are in `gone`. */
  byNumber(numbers: readonly number[]): Promise<FetchedNodes & { readonly gone: readonly number[] }> {
    return this.#ask(async (sizes) => {
      const { data, errors } = await this.runner.run<{ repository: Record<string, GqlPullRequest | null> | null }>(
        pullRequestsByNumberQuery(numbers),
        { owner: this.repository.owner, name: this.repository.repo, ...nestedPageVariables(sizes) },
      )
      const nodes = numbers.map((_, index) => data?.repository?.[`p${index}`] ?? null)
      const gone = numbers.filter((_, index) =>
        errors.some((error) => error.type === 'NOT_FOUND' && error.path?.[1] === `p${index}`),
      )
      const found = byNode(nodes, errors, (path) =>
        path[0] === 'repository' && typeof path[1] === 'string' ? Number(path[1].slice(1)) : undefined,
      )
      // Errors on a pull request that did not load at all: name it, since its number is known here.
      const lostErrors = found.lostErrors.map((error) => {
        const alias = error.path?.[1]
        const index = typeof alias === 'string' && /^p\d+$/.test(alias) ? Number(alias.slice(1)) : undefined
        const number = index === undefined ? undefined : numbers[index]
        return number === undefined ? error : { ...error, pullRequest: number }
      })
      return { ...found, lostErrors, lost: found.lost - gone.length, gone }
    })
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
