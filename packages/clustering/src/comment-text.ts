import type { ReviewComment } from '@gitlore/core'

// Embedding models take a few thousand tokens; a review comment past this is mostly pasted logs or code.
const maximumLength = 6_000

/**
 * The text embedded for a comment: what it says, its body. The file it is on is a separate signal (each
 * theme lists its files and areas), so comments on one file do not group by path alone; replies are the
 * author's answers, not the reviewer's concern.
 */
export function commentText(comment: ReviewComment): string {
  const text = comment.body.trim()
  return text.length > maximumLength ? text.slice(0, maximumLength) : text
}
