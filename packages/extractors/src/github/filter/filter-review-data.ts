import type { PullRequest, PullRequestReview, ReviewComment, ReviewReply } from '@gitlore/core'
import type { FetchedAuthor, FetchedComment, FetchedPullRequestData, FetchedReply } from '../fetched-records.js'
import { type BotAuthorReason, botAuthorReason, botLoginSet, displayLogin } from './bot-authors.js'
import { isBotContent } from './bot-content.js'
import { defaultMinimumLength, type TrivialReason, trivialReason } from './trivial-comment.js'

/** Why a comment was left out: a bot's (by account, login, list or content) or trivial. */
export type FilterReason = BotAuthorReason | 'bot_content' | TrivialReason

/** Comments left out, counted so nothing disappears silently (thread replies count one each). */
export interface FilteredCounts {
  readonly bots: number
  readonly trivial: number
  readonly byReason: Readonly<Partial<Record<FilterReason, number>>>
}

export interface ReviewFilterOptions {
  /** Logins to treat as bots on top of the built-in list (`[github] extra_bots`). */
  readonly extraBots?: readonly string[] | undefined
  /** Shortest comment kept, in characters; default 4. */
  readonly minimumLength?: number | undefined
}

/** What the review extractor hands on: pull requests and the human, non-trivial comments on them. */
export interface FilteredReviewData {
  readonly pullRequests: PullRequest[]
  readonly comments: ReviewComment[]
  readonly filtered: FilteredCounts
}

/**
 * Drops bot and trivial comments from fetched pull requests, counting each by reason. Bots' reviews are
 * dropped from `reviews` too (pending reviews are not submitted and never count). When the first
 * comment of a review thread is dropped, its first kept reply takes its place, so no human comment is
 * lost. Deleted accounts are `ghost`; bot accounts get GitHub's `[bot]` suffix.
 */
export function filterReviewData(
  records: readonly FetchedPullRequestData[],
  options: ReviewFilterOptions = {},
): FilteredReviewData {
  const bots = botLoginSet(options.extraBots)
  const minimumLength = options.minimumLength ?? defaultMinimumLength
  const byReason: Partial<Record<FilterReason, number>> = {}
  const reasonFor = (author: FetchedAuthor, body: string): FilterReason | null =>
    botAuthorReason(author, bots) ?? (isBotContent(body) ? 'bot_content' : trivialReason(body, minimumLength))
  const keep = (author: FetchedAuthor, body: string): boolean => {
    const reason = reasonFor(author, body)
    if (reason !== null) byReason[reason] = (byReason[reason] ?? 0) + 1
    return reason === null
  }
  const toReply = (reply: FetchedReply): ReviewReply => ({
    author: displayLogin(reply.author),
    body: reply.body,
    createdAt: reply.createdAt,
  })

  const pullRequests: PullRequest[] = []
  const comments: ReviewComment[] = []
  for (const { pullRequest, comments: fetched } of records) {
    const reviews: PullRequestReview[] = []
    const kept: ReviewComment[] = []
    for (const review of pullRequest.reviews) {
      if (review.state === 'PENDING') continue
      if (review.body.trim() !== '' && keep(review.author, review.body)) {
        kept.push({
          id: review.id,
          kind: 'review_body',
          prNumber: pullRequest.number,
          url: review.url,
          author: displayLogin(review.author),
          authorAssociation: review.authorAssociation,
          body: review.body,
          createdAt: review.submittedAt ?? pullRequest.createdAt,
          replies: [],
        })
      }
      if (botAuthorReason(review.author, bots) !== null) continue
      reviews.push({
        author: displayLogin(review.author),
        state: review.state,
        submittedAt: review.submittedAt,
        body: review.body,
      })
    }
    for (const comment of fetched) {
      const rootKept = keep(comment.author, comment.body)
      const replies = comment.replies.filter((reply) => keep(reply.author, reply.body))
      const promoted = rootKept ? comment : promote(comment, replies.shift())
      if (promoted !== null) kept.push(toReviewComment(promoted, replies.map(toReply)))
    }
    const { format: _, id: __, ...fields } = pullRequest
    pullRequests.push({ ...fields, author: displayLogin(pullRequest.author), reviews })
    comments.push(...kept.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)))
  }
  const count = (prefix: string) =>
    Object.entries(byReason)
      .filter(([reason]) => reason.startsWith(prefix))
      .reduce((sum, [, value]) => sum + (value ?? 0), 0)
  return { pullRequests, comments, filtered: { bots: count('bot_'), trivial: count('trivial_'), byReason } }
}

function promote(thread: FetchedComment, reply: FetchedReply | undefined): FetchedComment | null {
  if (reply === undefined) return null
  return {
    ...thread,
    id: reply.id,
    url: reply.url,
    author: reply.author,
    authorAssociation: reply.authorAssociation,
    body: reply.body,
    createdAt: reply.createdAt,
  }
}

function toReviewComment(comment: FetchedComment, replies: ReviewReply[]): ReviewComment {
  const { format: _, author, replies: __, ...fields } = comment
  return { ...fields, author: displayLogin(author), replies }
}
