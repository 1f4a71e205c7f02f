/** Bytes of one field or path kept; the rest of a longer one is dropped (and said to be). */
const maxTokenBytes = 4096

/**
 * Splits git's `-z` output into NUL-terminated tokens across chunks, keeping at most
 * `maxTokenBytes` of each, so a 10 MB commit subject costs no more memory than a short one.
 */
export class NulTokens {
  private carry: Buffer[] = []
  private carried = 0
  private dropped = 0

  /** Calls `onToken` with each complete token in `chunk`. */
  push(chunk: Buffer, onToken: (token: string) => void): void {
    let start = 0
    for (let nul = chunk.indexOf(0); nul !== -1; nul = chunk.indexOf(0, start)) {
      this.keep(chunk.subarray(start, nul))
      onToken(this.take())
      start = nul + 1
    }
    this.keep(chunk.subarray(start))
  }

  /** Calls `onToken` with what followed the last NUL, if anything did. */
  end(onToken: (token: string) => void): void {
    if (this.carried > 0 || this.dropped > 0) onToken(this.take())
  }

  private keep(piece: Buffer): void {
    const room = maxTokenBytes - this.carried
    if (room > 0) {
      const kept = piece.subarray(0, room)
      this.carry.push(Buffer.from(kept))
      this.carried += kept.length
    }
    this.dropped += Math.max(0, piece.length - Math.max(0, room))
  }

  private take(): string {
    const text = Buffer.concat(this.carry).toString('utf8')
    const token = this.dropped > 0 ? `${text}… [+${this.dropped} bytes]` : text
    this.carry = []
    this.carried = 0
    this.dropped = 0
    return token
  }
}

/** One commit of a `git log -z` listing whose format starts with `%x00` (see `commitRecordFormat`). */
export interface CommitRecord {
  readonly sha: string
  readonly date: string
  readonly author: string
  readonly subject: string
  /** The tokens git printed after the format: changed paths (`--name-only`) or one `--shortstat` line. */
  readonly extras: readonly string[]
  /** How many extra tokens there were, `extras` holding at most the first `keepExtras`. */
  readonly extraCount: number
}

/**
 * A log format whose records commit text cannot forge: every record starts with an empty token
 * (a NUL right after the previous NUL; paths are never empty), then a fixed number of
 * NUL-terminated fields in order. Git prints no NUL inside a field, so a subject holding `\x1e`,
 * `\x1f`, a newline or a 40-hex "sha" stays one subject.
 */
export const commitRecordFormat = '--format=%x00%H%x00%as%x00%an <%ae>%x00%s'
const fieldCount = 4
const shaPattern = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/** What follows each commit's fields: changed paths (`--name-only`) or one `--shortstat` line. */
export type CommitExtras = 'names' | 'shortstat'

/**
 * Parses `git log -z` output with `commitRecordFormat` as it streams, positionally: `onRecord`
 * gets each complete commit and may return false to stop. With `--name-only` each path is a
 * token and the next record starts with an empty token; with `--shortstat` the one stat line
 * (which git ends with the next record's NUL) is followed directly by the next sha. Throws on
 * output that does not fit the format.
 */
export class CommitRecordParser {
  private readonly tokens = new NulTokens()
  private fields: string[] | null = null
  private extras: string[] = []
  private extraCount = 0
  private stopped = false

  constructor(
    private readonly options: {
      readonly extras: CommitExtras
      /** Extra tokens kept per record (the rest are only counted). */
      readonly keep: number
      readonly onRecord: (record: CommitRecord) => boolean | undefined
    },
  ) {}

  /** Feeds a chunk; false once `onRecord` asked to stop. */
  push(chunk: Buffer): boolean {
    if (!this.stopped) this.tokens.push(chunk, (token) => this.token(token))
    return !this.stopped
  }

  /** Flushes the last record once git has finished. */
  end(): void {
    this.tokens.end((token) => this.token(token))
    this.flush()
  }

  private token(token: string): void {
    if (this.stopped) return
    if (this.fields !== null && this.fields.length < fieldCount) {
      if (this.fields.length === 0 && !shaPattern.test(token)) throw new Error('unexpected git log output')
      this.fields.push(token)
      return
    }
    if (token === '') {
      this.flush()
      this.fields = []
      return
    }
    if (this.fields === null) throw new Error('unexpected git log output before the first commit')
    this.extraCount += 1
    if (this.extras.length < this.options.keep) {
      // Git separates the first extra from the fields with a newline.
      const text = this.extraCount === 1 ? token.replace(/^\n/, '') : token
      this.extras.push(this.options.extras === 'shortstat' ? text.trim() : text)
    }
    if (this.options.extras === 'shortstat') {
      this.flush()
      this.fields = []
    }
  }

  private flush(): void {
    if (this.fields === null || this.stopped) return
    if (this.fields.length === 0) {
      this.fields = null
      return
    }
    if (this.fields.length < fieldCount) throw new Error('git log output ended inside a commit')
    const [sha = '', date = '', author = '', subject = ''] = this.fields
    const record = { sha, date, author, subject, extras: this.extras, extraCount: this.extraCount }
    this.fields = null
    this.extras = []
    this.extraCount = 0
    if (this.options.onRecord(record) === false) this.stopped = true
  }
}

/** `--shortstat`'s line read back: files changed, lines added and removed, as git counted them. */
export function parseShortstat(line: string | undefined): { files: number; added: number; removed: number } {
  const number = (pattern: RegExp) => Number(pattern.exec(line ?? '')?.[1] ?? 0)
  return {
    files: number(/(\d+) files? changed/),
    added: number(/(\d+) insertions?\(\+\)/),
    removed: number(/(\d+) deletions?\(-\)/),
  }
}
