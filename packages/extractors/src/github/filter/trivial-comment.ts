/** Why a comment says too little to learn from. */
export type TrivialReason = 'trivial_approval' | 'trivial_thanks' | 'trivial_emoji' | 'trivial_short'

/** Shortest comment kept, in characters (after quoted lines are removed); default 4 keeps "why?" and "typo". */
export const defaultMinimumLength = 4

const approvals = new Set([
  '+1',
  'lgtm',
  'lgtm thanks',
  'lgtm thank you',
  'lg',
  'looks good',
  'looks good to me',
  'looks great',
  'ship it',
  'shipit',
  ':shipit:',
  ':+1:',
  'sgtm',
  'approved',
  'approve',
  'nice',
  'great',
  'awesome',
  'perfect',
  'cool',
  'nice work',
  'great work',
  'good job',
  'great job',
])
const thanks = new Set([
  'thanks',
  'thank you',
  'thanks a lot',
  'many thanks',
  'thx',
  'ty',
  'cheers',
  'done',
  'fixed',
  'done thanks',
  'fixed thanks',
  'addressed',
  'updated',
  'resolved',
  'will do',
  'ok thanks',
  'good catch',
  'nice catch',
])
const emojiOnly =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200d\ufe0f\u20e3\s]|:[a-z0-9_+-]+:)+$/iu
const edges = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu

/**
 * Why `body` is trivial (an approval such as LGTM or +1, thanks or "done", emoji only, or shorter than
 * `minimumLength` characters), or null when it says something. Quoted lines (`> ...`) are ignored.
 */
export function trivialReason(body: string, minimumLength = defaultMinimumLength): TrivialReason | null {
  const text = body
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (text !== '' && emojiOnly.test(text)) return 'trivial_emoji'
  const phrase = text
    .toLowerCase()
    .replace(edges, '')
    .replace(/[,!.]+/g, '')
    .replace(/\s+/g, ' ')
  if (approvals.has(phrase) || approvals.has(text.toLowerCase())) return 'trivial_approval'
  if (thanks.has(phrase)) return 'trivial_thanks'
  return text.length < minimumLength ? 'trivial_short' : null
}
