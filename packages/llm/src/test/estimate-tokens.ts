/** A rough token count (4 characters a token), the same the loopback server reports as usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4)
}
