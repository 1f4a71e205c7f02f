import type { ReviewComment } from '@gitlore/core'

// Embedding models take a few thousand tokens; a review comment past this is mostly pasted logs or code.
const maximumLength = 6_000

/** The text embedded for a comment: its body, then the file it is on and the first reply, each on a line. */
export function commentText(comment: ReviewComment): string {
  const lines = [comment.body.trim()]
  if (comment.path !== undefined) lines.push(`file: ${comment.path}`)
  const reply = comment.replies[0]
  if (reply !== undefined) lines.push(`reply: ${reply.body.trim()}`)
  const text = lines.join('\n')
  return text.length > maximumLength ? text.slice(0, maximumLength) : text
}
