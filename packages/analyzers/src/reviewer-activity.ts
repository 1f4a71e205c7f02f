import type { PullRequest, ReviewComment, ReviewerLoad, ReviewPair } from '@gitlore/core'
import { compareText } from './compare-text.js'

/** A deleted account: many people behind one name, so it is left out of per-person lists. */
export const ghostLogin = 'ghost'

interface Tally {
  reviews: number
  comments: number
  approvals: number
  changesRequested: number
}

/**
 * Who reviews and who is reviewed. Only activity on someone else's pull request counts (an author
 * answering in their own pull request is not reviewing it); comments include replies.
 */
export function computeReviewerActivity(
  pullRequests: readonly PullRequest[],
  comments: readonly ReviewComment[],
): {
  readonly reviewers: ReviewerLoad[]
  readonly pairs: ReviewPair[]
  readonly authors: { login: string; pullRequests: number }[]
} {
  const authorOf = new Map(pullRequests.map((pullRequest) => [pullRequest.number, pullRequest.author]))
  const tallies = new Map<string, Tally>()
  const tally = (login: string) => {
    let found = tallies.get(login)
    if (found === undefined)
      tallies.set(login, (found = { reviews: 0, comments: 0, approvals: 0, changesRequested: 0 }))
    return found
  }
  const touched = new Map<number, Set<string>>()
  const touch = (prNumber: number, login: string) => {
    let logins = touched.get(prNumber)
    if (logins === undefined) touched.set(prNumber, (logins = new Set()))
    logins.add(login)
  }
  for (const pullRequest of pullRequests) {
    for (const review of pullRequest.reviews) {
      if (review.author === pullRequest.author || review.author === ghostLogin) continue
      const entry = tally(review.author)
      entry.reviews++
      if (review.state === 'APPROVED') entry.approvals++
      if (review.state === 'CHANGES_REQUESTED') entry.changesRequested++
      touch(pullRequest.number, review.author)
    }
  }
  for (const comment of comments) {
    const author = authorOf.get(comment.prNumber)
    for (const login of [comment.author, ...comment.replies.map((reply) => reply.author)]) {
      if (login === author || login === ghostLogin) continue
      tally(login).comments++
      touch(comment.prNumber, login)
    }
  }
  const pairCounts = new Map<string, ReviewPair>()
  for (const [prNumber, reviewers] of touched) {
    const author = authorOf.get(prNumber)
    if (author === undefined || author === ghostLogin) continue
    for (const reviewer of reviewers) {
      const key = `${reviewer}\u0000${author}`
      const pair = pairCounts.get(key)
      pairCounts.set(key, { reviewer, author, pullRequests: (pair?.pullRequests ?? 0) + 1 })
    }
  }
  const authored = new Map<string, number>()
  for (const { author } of pullRequests) {
    if (author !== ghostLogin) authored.set(author, (authored.get(author) ?? 0) + 1)
  }
  return {
    reviewers: [...tallies]
      .map(([login, entry]): ReviewerLoad => ({ login, ...entry }))
      .sort((x, y) => y.reviews - x.reviews || y.comments - x.comments || compareText(x.login, y.login)),
    pairs: [...pairCounts.values()].sort(
      (x, y) =>
        y.pullRequests - x.pullRequests || compareText(x.reviewer, y.reviewer) || compareText(x.author, y.author),
    ),
    authors: [...authored]
      .map(([login, count]) => ({ login, pullRequests: count }))
      .sort((x, y) => y.pullRequests - x.pullRequests || compareText(x.login, y.login)),
  }
}

/** Every reviewer's and pull request author's activity in the window, uncapped. */
export interface ReviewActivity {
  readonly reviewers: readonly ReviewerLoad[]
  readonly authors: readonly { readonly login: string; readonly pullRequests: number }[]
}

/**
 * Who reviewed how much and who authored how many pull requests, over all of them: what
 * `mergeReviewPeople` reads per person, so nobody's activity is lost to a capped list.
 */
export function reviewActivity(
  pullRequests: readonly PullRequest[],
  comments: readonly ReviewComment[],
): ReviewActivity {
  const { reviewers, authors } = computeReviewerActivity(pullRequests, comments)
  return { reviewers, authors }
}
