import type { ReviewComment } from '@gitlore/core'
import type { PathReviewer } from '../knowledge-model.js'

/**
 * Who reviewed: the authors of the comments (a thread counts for whoever opened it), leaving out a
 * pull request's own author answering on it. Most comments first, then latest first, then login.
 */
export function tallyReviewers(
  comments: readonly ReviewComment[],
  prAuthors: ReadonlyMap<number, string>,
): PathReviewer[] {
  const tally = new Map<string, { comments: number; lastAt: string }>()
  for (const comment of comments) {
    if (prAuthors.get(comment.prNumber) === comment.author) continue
    const known = tally.get(comment.author)
    if (known === undefined) tally.set(comment.author, { comments: 1, lastAt: comment.createdAt })
    else {
      known.comments++
      if (comment.createdAt > known.lastAt) known.lastAt = comment.createdAt
    }
  }
  return [...tally]
    .map(([login, { comments: count, lastAt }]) => ({ login, comments: count, lastAt }))
    .sort(
      (x, y) =>
        y.comments - x.comments ||
        (x.lastAt < y.lastAt ? 1 : x.lastAt > y.lastAt ? -1 : 0) ||
        (x.login < y.login ? -1 : 1),
    )
}
