import { applyFollowUp, type PullRequestAssembly } from './assemble-pull-request.js'
import { GitHubRequestError } from './errors/github-request-error.js'
import type { AdaptiveSizes } from './graphql/adaptive-sizes.js'
import type { GqlConnection } from './graphql/graphql-types.js'
import type { FollowUpSizes } from './graphql/page-sizes.js'
import { type ConnectionKind, type Continuation, followUpQuery } from './graphql/queries.js'
import { type GitHubPartialError, type GraphQLRunner, QueryTimeout } from './run-graphql.js'

interface Pending {
  readonly assembly: PullRequestAssembly
  readonly continuation: Continuation
}

const fieldOf: Record<ConnectionKind, string> = {
  reviewThreads: 'reviewThreads',
  threadComments: 'comments',
  comments: 'comments',
  reviews: 'reviews',
}

/**
 * Follows every overflowing nested connection of `assemblies` until complete: several connections per
 * request (aliased `node` queries), new overflows (a continued thread page whose threads overflow
 * too) queued as they appear. A timeout halves the batch, then the page; answers grow them back.
 * Returns the partial errors met.
 */
export async function completeConnections(options: {
  readonly assemblies: readonly PullRequestAssembly[]
  readonly runner: GraphQLRunner
  /** Follow-up sizes, shrunk on timeouts and grown back after answers (shared by the sync's calls). */
  readonly sizes: AdaptiveSizes<FollowUpSizes>
  /** First page of comments of each continued review thread. */
  readonly threadComments: number
}): Promise<{ readonly errors: GitHubPartialError[] }> {
  const { runner, threadComments, sizes: adaptive } = options
  const errors: GitHubPartialError[] = []
  const queue: Pending[] = []
  const enqueue = (assembly: PullRequestAssembly) => {
    for (const continuation of assembly.pending.splice(0)) queue.push({ assembly, continuation })
  }
  options.assemblies.forEach(enqueue)
  while (queue.length > 0) {
    const sizes = adaptive.current
    const batch = queue.splice(0, sizes.batch)
    const { query, variables } = followUpQuery(
      batch.map((item) => item.continuation),
      sizes.pageSize,
      threadComments,
    )
    let answer: Awaited<ReturnType<GraphQLRunner['run']>>
    try {
      answer = await runner.run<Record<string, unknown>>(query, variables)
    } catch (error) {
      if (!(error instanceof QueryTimeout)) throw error
      if (adaptive.shrink() === null) {
        throw new GitHubRequestError({
          ...(error.status === undefined ? {} : { status: error.status }),
          message: `GitHub timed out on nested pages even one at a time (${error.message})`,
          cause: error,
        })
      }
      queue.unshift(...batch)
      continue
    }
    adaptive.answered()
    const data = (answer.data ?? {}) as Record<string, Record<string, GqlConnection<unknown> | null> | null>
    batch.forEach(({ assembly, continuation }, index) => {
      const alias = `f${index}`
      for (const error of answer.errors.filter((entry) => entry.path?.[0] === alias)) {
        errors.push({ ...error, pullRequest: assembly.node.number })
        assembly.problems.push(error.message)
      }
      applyFollowUp(assembly, continuation, data[alias]?.[fieldOf[continuation.kind]] ?? null)
      enqueue(assembly)
    })
    for (const error of answer.errors.filter((entry) => !String(entry.path?.[0] ?? '').startsWith('f')))
      errors.push(error)
  }
  return { errors }
}
