/** A tool result cut to a size, and whether it was. */
export interface CappedText {
  readonly text: string
  readonly truncated: boolean
}

/**
 * Cuts `text` to at most `maxChars` (at a line end when one is near) and says so in a visible
 * marker with a hint on how to see the rest, so the model never mistakes a cut result for the whole.
 */
export function capText(text: string, maxChars: number, hint: string): CappedText {
  if (text.length <= maxChars) return { text, truncated: false }
  const lineEnd = text.lastIndexOf('\n', maxChars)
  const end = lineEnd > maxChars * 0.8 ? lineEnd : maxChars
  return {
    text: `${text.slice(0, end)}\n[truncated: showing ${end.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters; ${hint}]`,
    truncated: true,
  }
}

/** One line cut to `maxChars`, with an ellipsis and the count of characters left out. */
export function capLine(line: string, maxChars: number): string {
  return line.length <= maxChars ? line : `${line.slice(0, maxChars)}… [+${line.length - maxChars} chars]`
}
