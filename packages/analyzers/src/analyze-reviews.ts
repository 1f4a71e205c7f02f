import type { PullRequest, ReviewComment, ReviewerLoad, ReviewLoad, ReviewStats } from '@gitlore/core'
import { capList } from './cap-list.js'
import { computeDiscussedPaths } from './discussed-paths.js'
import { hoursBetween, summarizeDurations } from './duration-summary.js'
import { computeReviewerActivity, ghostLogin } from './reviewer-activity.js'
import { share } from './round-ratio.js'

export interface AnalyzeReviewsOptions {
  /** Lists are capped to this many entries, but never to fewer than 20; default 100. */
  readonly top?: number | undefined
}

/**
 * Review statistics over the pull requests of a window and the human comments on them (as the review
 * extractor returns them, with its filtered counts). Reviews are submitted reviews by someone other
 * than the pull request's author; comments count replies; deleted accounts (`ghost`) count in totals
 * but not per person. Pure: same input, same output.
 */
export function analyzeReviews(
  pullRequests: readonly PullRequest[],
  comments: readonly ReviewComment[],
  filtered: { readonly bots: number; readonly trivial: number },
  options: AnalyzeReviewsOptions = {},
): ReviewStats {
  const top = options.top ?? 100
  let reviews = 0
  let approvals = 0
  let changesRequested = 0
  const firstReview: number[] = []
  const merge: number[] = []
  for (const pullRequest of pullRequests) {
    let first: string | null = null
    for (const review of pullRequest.reviews) {
      if (review.author === pullRequest.author && review.author !== ghostLogin) continue
      reviews++
      if (review.state === 'APPROVED') approvals++
      if (review.state === 'CHANGES_REQUESTED') changesRequested++
      if (review.submittedAt !== null && (first === null || Date.parse(review.submittedAt) < Date.parse(first))) {
        first = review.submittedAt
      }
    }
    if (first !== null) firstReview.push(hoursBetween(pullRequest.createdAt, first))
    if (pullRequest.mergedAt !== null) merge.push(hoursBetween(pullRequest.createdAt, pullRequest.mergedAt))
  }
  const activity = computeReviewerActivity(pullRequests, comments)
  const discussed = computeDiscussedPaths(comments)
  const threads = comments.filter((comment) => comment.kind === 'review_thread' && comment.isResolved !== undefined)
  return {
    pullRequests: pullRequests.length,
    comments: comments.reduce((sum, comment) => sum + 1 + comment.replies.length, 0),
    reviews,
    filtered: { bots: filtered.bots, trivial: filtered.trivial },
    reviewers: capList(activity.reviewers, top),
    pairs: capList(activity.pairs, top),
    authors: capList(activity.authors, top),
    timeToFirstReview: summarizeDurations(firstReview),
    timeToMerge: summarizeDurations(merge),
    approvalShare: share(approvals, reviews),
    changesRequestedShare: share(changesRequested, reviews),
    discussedFiles: capList(discussed.files, top),
    discussedDirectories: capList(discussed.directories, top),
    unresolvedThreadShare: share(threads.filter((thread) => thread.isResolved === false).length, threads.length),
    load: reviewLoad(activity.reviewers, reviews),
  }
}

/** How reviews are spread over all reviewers (busiest first): the top share, and how few give half. */
function reviewLoad(reviewers: readonly ReviewerLoad[], reviews: number): ReviewLoad {
  const active = reviewers.filter((reviewer) => reviewer.reviews > 0)
  let covered = 0
  let halfBy = 0
  for (const reviewer of active) {
    if (covered * 2 > reviews) break
    covered += reviewer.reviews
    halfBy++
  }
  return {
    reviewers: active.length,
    topShare: share(active[0]?.reviews ?? 0, reviews),
    halfBy: covered * 2 > reviews ? halfBy : 0,
  }
}
