import type { PersonStats } from '@gitlore/core'

/** A ratio 0..1 as a whole percentage: 0.8234 -> "82%". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

export { count } from '@gitlore/core'

/** "once", "twice", "3 times". */
export function times(value: number): string {
  return value === 1 ? 'once' : value === 2 ? 'twice' : `${value} times`
}

/** The first seven characters of a commit sha, as git abbreviates it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}

/** A degree 0..1 with two decimals: 0.7500 -> "0.75". */
export function decimal(value: number): string {
  return value.toFixed(2)
}

/** A commit subject on one line, cut at a readable length. */
export function oneLine(subject: string, max = 72): string {
  const line = subject.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** A commit subject quoted for prose (see `oneLine`). */
export function quote(subject: string, max = 72): string {
  return `"${oneLine(subject, max)}"`
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** "Alice Example (alice@example.com)", or the bare identity when the name adds nothing. */
export function personLabel(identity: string, people: readonly PersonStats[]): string {
  const name = people.find((person) => person.identity === identity)?.name.trim()
  return name && name.toLowerCase() !== identity ? `${name} (${identity})` : identity
}
