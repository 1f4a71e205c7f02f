import type { ClassifiedComment } from '@gitlore/core'

// Thanks, approval and applause with nothing else in them.
const approval =
  /^(?:(?:lgtm|looks good(?: to me)?|looks great|sgtm|ship it|approved?|approving|thanks?(?: you)?(?: a lot| so much)?|thx|ty|nice(?: work| one| catch)?|great(?: work| job| catch)?|good (?:job|work|catch)|well done|awesome|perfect|\+1|:\+1:|:shipit:|(?:👍|🎉|🚀|🙏|❤️|👏|✅)+)[\s!.,:;)(-]*)+$/iu

/**
 * Praise, thanks or an approval and nothing else: what reviewers say to be kind, not what they ask for. A
 * comment counts when the classifier gave it only `praise`, or when its text is only such phrases.
 */
export function isAcknowledgement(item: ClassifiedComment): boolean {
  const text = item.comment.body.trim()
  if (approval.test(text)) return true
  return item.status === 'classified' && item.categories.length > 0 && item.categories.every((c) => c === 'praise')
}
