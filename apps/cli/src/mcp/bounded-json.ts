/** Most characters of one answer: enough for any brief at its limits, small enough for a model's context. */
export const maxAnswerChars = 40_000

/**
 * JSON of the value, at most `maxChars` long: while it is longer, the longest list in the value
 * loses its last half, and the answer says `"truncated": true`. Lists are ranked best first, so
 * what goes is what matters least.
 */
export function boundedJson(value: unknown, maxChars = maxAnswerChars): string {
  let text = JSON.stringify(value)
  if (text.length <= maxChars) return text
  const copy = JSON.parse(text) as unknown
  for (let round = 0; round < 64 && text.length > maxChars; round++) {
    const longest = longestList(copy)
    if (longest === undefined || longest.length <= 1) break
    longest.length = Math.ceil(longest.length / 2)
    text = JSON.stringify(withFlag(copy))
  }
  return text.length <= maxChars
    ? text
    : JSON.stringify({ truncated: true, error: 'the answer was too large to return' })
}

function withFlag(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, truncated: true } : value
}

function longestList(value: unknown): unknown[] | undefined {
  let best: unknown[] | undefined
  let bestSize = 0
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      const size = JSON.stringify(node).length
      if (size > bestSize) {
        best = node
        bestSize = size
      }
      for (const item of node) visit(item)
    } else if (typeof node === 'object' && node !== null) {
      for (const child of Object.values(node)) visit(child)
    }
  }
  visit(value)
  return best
}
