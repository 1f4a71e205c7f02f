import type { PullRequest, ReviewState } from '@gitlore/core'
import {
  type FetchedAuthor,
  type FetchedComment,
  type FetchedPullRequestData,
  type FetchedReply,
  type FetchedReview,
  fetchedFormat,
} from './fetched-records.js'
import type {
  GqlActor,
  GqlConnection,
  GqlIssueComment,
  GqlPullRequest,
  GqlReview,
  GqlReviewComment,
  GqlThread,
} from './graphql/graphql-types.js'
import type { ConnectionKind, Continuation } from './graphql/queries.js'

interface ThreadAssembly {
  readonly thread: GqlThread
  readonly comments: GqlReviewComment[]
}

/** A pull request being put together from its first page and the follow-ups of its overflowing connections. */
export interface PullRequestAssembly {
  readonly node: GqlPullRequest
  readonly reviews: GqlReview[]
  readonly comments: GqlIssueComment[]
  readonly threads: ThreadAssembly[]
  readonly threadsById: Map<string, ThreadAssembly>
  /** Connections still to continue. */
  readonly pending: Continuation[]
  /** Why the pull request may be incomplete (partial errors that hit it). */
  readonly problems: string[]
}

const present = <T>(nodes: readonly (T | null)[] | null | undefined): T[] =>
  (nodes ?? []).filter((node): node is T => node !== null)

function addThreads(assembly: PullRequestAssembly, threads: readonly (GqlThread | null)[] | null): void {
  for (const thread of present(threads)) {
    const entry = { thread, comments: present(thread.comments?.nodes) }
    assembly.threads.push(entry)
    assembly.threadsById.set(thread.id, entry)
    if (thread.comments === null) assembly.problems.push(`comments of review thread ${thread.id} missing`)
    continueIfNeeded(assembly, 'threadComments', thread.id, thread.comments)
  }
}

function continueIfNeeded(
  assembly: PullRequestAssembly,
  kind: ConnectionKind,
  id: string,
  connection: GqlConnection<unknown> | null,
): void {
  if (connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor !== null) {
    assembly.pending.push({ kind, id, after: connection.pageInfo.endCursor })
  }
}

/** Starts assembling a pull request from the first page of each of its connections. */
export function startAssembly(node: GqlPullRequest): PullRequestAssembly {
  const assembly: PullRequestAssembly = {
    node,
    reviews: present(node.reviews?.nodes),
    comments: present(node.comments?.nodes),
    threads: [],
    threadsById: new Map(),
    pending: [],
    problems: [],
  }
  for (const kind of ['reviews', 'comments', 'reviewThreads'] as const) {
    if (node[kind] === null) assembly.problems.push(`${kind} missing`)
  }
  continueIfNeeded(assembly, 'reviews', node.id, node.reviews)
  continueIfNeeded(assembly, 'comments', node.id, node.comments)
  continueIfNeeded(assembly, 'reviewThreads', node.id, node.reviewThreads)
  addThreads(assembly, node.reviewThreads?.nodes ?? null)
  return assembly
}

/** Adds the next page of a continued connection (`connection` null: it could not be loaded). */
export function applyFollowUp(
  assembly: PullRequestAssembly,
  continuation: Continuation,
  connection: GqlConnection<unknown> | null,
): void {
  if (connection === null) {
    assembly.problems.push(`${continuation.kind} of ${continuation.id} after ${continuation.after} missing`)
    return
  }
  const nodes = connection.nodes
  if (continuation.kind === 'reviewThreads') addThreads(assembly, nodes as (GqlThread | null)[] | null)
  else if (continuation.kind === 'reviews') assembly.reviews.push(...present(nodes as (GqlReview | null)[] | null))
  else if (continuation.kind === 'comments')
    assembly.comments.push(...present(nodes as (GqlIssueComment | null)[] | null))
  else assembly.threadsById.get(continuation.id)?.comments.push(...present(nodes as (GqlReviewComment | null)[] | null))
  continueIfNeeded(assembly, continuation.kind, continuation.id, connection)
}

function author(actor: GqlActor | null): FetchedAuthor {
  return actor === null ? { login: 'ghost', type: 'Ghost' } : { login: actor.login, type: actor.__typename }
}

function reply(comment: GqlReviewComment): FetchedReply {
  return {
    id: comment.id,
    url: comment.url,
    author: author(comment.author),
    authorAssociation: comment.authorAssociation,
    body: comment.body,
    createdAt: comment.createdAt,
  }
}

/** The pull request and its comments as stored: threads (first comment + replies) after conversation comments. */
export function finishAssembly(assembly: PullRequestAssembly): FetchedPullRequestData {
  const { node } = assembly
  const reviews: FetchedReview[] = assembly.reviews.map((review) => ({
    id: review.id,
    url: review.url,
    author: author(review.author),
    authorAssociation: review.authorAssociation,
    state: review.state as ReviewState,
    submittedAt: review.submittedAt,
    body: review.body,
  }))
  const comments: FetchedComment[] = assembly.comments.map((comment) => ({
    format: fetchedFormat,
    id: comment.id,
    kind: 'issue_comment',
    prNumber: node.number,
    url: comment.url,
    author: author(comment.author),
    authorAssociation: comment.authorAssociation,
    body: comment.body,
    createdAt: comment.createdAt,
    replies: [],
  }))
  for (const { thread, comments: threadComments } of assembly.threads) {
    const [first, ...rest] = threadComments
    if (first === undefined) continue
    const line = thread.line ?? thread.originalLine
    comments.push({
      format: fetchedFormat,
      id: first.id,
      kind: 'review_thread',
      prNumber: node.number,
      url: first.url,
      author: author(first.author),
      authorAssociation: first.authorAssociation,
      body: first.body,
      createdAt: first.createdAt,
      path: thread.path,
      ...(line === null ? {} : { line }),
      diffHunk: first.diffHunk,
      isResolved: thread.isResolved,
      isOutdated: thread.isOutdated,
      replies: rest.map(reply),
    })
  }
  return {
    pullRequest: {
      format: fetchedFormat,
      id: node.id,
      number: node.number,
      title: node.title,
      url: node.url,
      author: author(node.author),
      state: node.state as PullRequest['state'],
      createdAt: node.createdAt,
      updatedAt: node.updatedAt,
      mergedAt: node.mergedAt,
      closedAt: node.closedAt,
      additions: node.additions,
      deletions: node.deletions,
      changedFiles: node.changedFiles,
      reviews,
    },
    comments,
  }
}
