/** Splits a byte stream on NUL bytes (git's `-z` output) into tokens, across chunk boundaries. */
export class NulTokenizer {
  private carry: Buffer | null = null

  /** The complete tokens in `chunk`; a token cut at the chunk's end waits for the next chunk. */
  push(chunk: Buffer): Buffer[] {
    const tokens: Buffer[] = []
    let start = 0
    let nul = chunk.indexOf(0)
    if (this.carry !== null) {
      if (nul === -1) {
        this.carry = Buffer.concat([this.carry, chunk])
        return tokens
      }
      tokens.push(Buffer.concat([this.carry, chunk.subarray(0, nul)]))
      this.carry = null
      start = nul + 1
      nul = chunk.indexOf(0, start)
    }
    while (nul !== -1) {
      tokens.push(chunk.subarray(start, nul))
      start = nul + 1
      nul = chunk.indexOf(0, start)
    }
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start))
    return tokens
  }

  /** Bytes after the last NUL, if any (git's output ends with a NUL, so normally none). */
  end(): Buffer | null {
    const rest = this.carry
    this.carry = null
    return rest
  }
}
