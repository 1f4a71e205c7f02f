import { type FileChange, type FileStatus, GitCommandError, type RawCommit } from '@gitlore/core'
import { decodeLossy } from '../decode.js'
import { toRawCommit } from '../raw-commit.js'
import { NulTokenizer } from './nul-tokenizer.js'

const recordStart = 0x1e
const headerFields = 7

/**
 * `git log` arguments whose output `LogParser` reads: identities before `.mailmap`, messages
 * re-encoded to UTF-8 by git (`i18n.logOutputEncoding` is pinned), and per file `--raw` (modes,
 * blob ids and status, to spot submodules and missing blobs), NUL-separated. `numstatArgs` adds the
 * line counts.
 */
export const rawLogArgs = [
  '--format=%x1e%H%x00%P%x00%at%x00%ct%x00%an%x00%ae%x00%B',
  '-z',
  '--raw',
  '--no-renames',
  '--no-abbrev',
  '--no-color',
  '--no-ext-diff',
]

/** `rawLogArgs` with line counts (`--numstat`), as `git log --numstat --no-renames` computes them. */
export const logArgs = [...rawLogArgs, '--numstat', '--diff-algorithm=myers']

/** One `--raw` entry: `:<old mode> <new mode> <old blob> <new blob> <status>` and the path. */
export interface RawEntry {
  /** Either side is a submodule (gitlink, mode 160000). */
  readonly submodule: boolean
  readonly oldOid: string
  readonly newOid: string
  /** The status letter (`A`, `D`, `M`, `T`). */
  readonly status: string
  readonly path: Buffer
}

const space = 0x20
const gitlinkBytes = Buffer.from('160000', 'latin1')

/**
 * A raw entry read from its header bytes, lazily: the blob ids, which only commits counted from
 * blobs need, are made into strings when asked for (parsing thousands of entries makes no garbage).
 */
class ParsedRawEntry implements RawEntry {
  readonly submodule: boolean
  readonly status: string
  readonly path: Buffer
  readonly #header: Buffer
  readonly #spaces: readonly [number, number, number, number]

  constructor(header: Buffer, path: Buffer) {
    const first = header.indexOf(space, 1)
    const second = header.indexOf(space, first + 1)
    const third = header.indexOf(space, second + 1)
    const fourth = header.indexOf(space, third + 1)
    if (fourth === -1) throw unexpected('raw entry without five fields')
    this.#header = header
    this.#spaces = [first, second, third, fourth]
    this.submodule =
      header.compare(gitlinkBytes, 0, 6, 1, first) === 0 || header.compare(gitlinkBytes, 0, 6, first + 1, second) === 0
    this.status = String.fromCharCode(header[fourth + 1] as number)
    this.path = path
  }

  get oldOid(): string {
    return this.#header.toString('latin1', this.#spaces[1] + 1, this.#spaces[2])
  }

  get newOid(): string {
    return this.#header.toString('latin1', this.#spaces[2] + 1, this.#spaces[3])
  }
}

interface NumstatEntry {
  readonly added: number
  readonly removed: number
  readonly binary: boolean
  readonly path: Buffer
}

/** One commit of `git log` output, before its files are paired up. */
export interface LogRecord {
  readonly sha: string
  readonly parents: readonly string[]
  readonly authorName: Buffer
  readonly authorEmail: Buffer
  readonly authorTime: number
  readonly committerTime: number
  readonly message: Buffer
  readonly raw: readonly RawEntry[]
  /** Empty when the log ran without `--numstat`. */
  readonly numstat: readonly NumstatEntry[]
}

const statuses: Readonly<Record<string, FileStatus>> = { A: 'added', D: 'deleted' }

function unexpected(detail: string): GitCommandError {
  return new GitCommandError(`unexpected git log output (${detail}); please report this with your git version`)
}

/** A raw entry's status as gitlore reports it. */
export function fileStatus(entry: RawEntry): FileStatus {
  return statuses[entry.status] ?? 'modified'
}

/** Whether a raw entry is a submodule (gitlink) change, which gitlore skips and counts. */
export function isSubmoduleEntry(entry: RawEntry): boolean {
  return entry.submodule
}

/** A record read with `--numstat` as a commit: raw and numstat entries paired, submodules counted. */
export function recordToCommit(record: LogRecord): RawCommit {
  if (record.raw.length !== record.numstat.length) throw unexpected('raw and numstat entries differ in number')
  const files: FileChange[] = []
  let submoduleEntries = 0
  for (let index = 0; index < record.raw.length; index++) {
    const entry = record.raw[index] as RawEntry
    const stat = record.numstat[index] as NumstatEntry
    if (!entry.path.equals(stat.path)) throw unexpected('raw and numstat paths differ')
    if (isSubmoduleEntry(entry)) {
      submoduleEntries++
      continue
    }
    files.push({
      path: decodeLossy(stat.path),
      added: stat.added,
      removed: stat.removed,
      status: fileStatus(entry),
      binary: stat.binary,
    })
  }
  return commitOf(record, files, submoduleEntries)
}

/** A record's commit with the given files. */
export function commitOf(record: LogRecord, files: readonly FileChange[], submoduleEntries: number): RawCommit {
  return toRawCommit({
    sha: record.sha,
    parents: record.parents,
    authorName: record.authorName,
    authorEmail: record.authorEmail,
    authorTime: record.authorTime,
    committerTime: record.committerTime,
    encoding: '',
    message: record.message,
    files,
    submoduleEntries,
  })
}

/** Parses `git log` output produced with `logArgs` or `rawLogArgs`, chunk by chunk, into records. */
export class LogParser {
  private readonly tokenizer = new NulTokenizer()
  private header: Buffer[] = []
  private raw: RawEntry[] = []
  private numstat: NumstatEntry[] = []
  private pendingHeader: Buffer | null = null
  private firstDiffToken = false

  /** The records completed by this chunk of output. */
  push(chunk: Buffer): LogRecord[] {
    const records: LogRecord[] = []
    for (const token of this.tokenizer.push(chunk)) {
      const record = this.token(token)
      if (record !== null) records.push(record)
    }
    return records
  }

  /** The last record, once the output has ended. */
  end(): LogRecord[] {
    const rest = this.tokenizer.end()
    if (rest !== null && rest.length > 0) throw unexpected('output ends inside a record')
    if (this.header.length === 0) return []
    if (this.header.length < headerFields) throw unexpected('output ends inside a commit header')
    return [this.finish()]
  }

  private token(token: Buffer): LogRecord | null {
    if (this.header.length < headerFields) {
      if (this.header.length === 0 && token[0] !== recordStart) throw unexpected('record without a start marker')
      this.header.push(token)
      this.firstDiffToken = true
      return null
    }
    if (this.pendingHeader !== null) {
      this.raw.push(new ParsedRawEntry(this.pendingHeader, token))
      this.pendingHeader = null
      return null
    }
    if (token[0] === recordStart) {
      const record = this.finish()
      this.header = [token]
      return record
    }
    const entry = this.firstDiffToken && token[0] === 0x0a ? token.subarray(1) : token
    this.firstDiffToken = false
    if (entry[0] === 0x3a) {
      // :<old mode> <new mode> <old sha> <new sha> <status>; its path is the next token.
      this.pendingHeader = entry
      return null
    }
    const firstTab = entry.indexOf(9)
    const secondTab = entry.indexOf(9, firstTab + 1)
    if (firstTab === -1 || secondTab === -1) throw unexpected('numstat line without tabs')
    const added = entry.toString('latin1', 0, firstTab)
    const removed = entry.toString('latin1', firstTab + 1, secondTab)
    const binary = added === '-'
    this.numstat.push({
      added: binary ? 0 : Number(added),
      removed: binary ? 0 : Number(removed),
      binary,
      path: entry.subarray(secondTab + 1),
    })
    return null
  }

  private finish(): LogRecord {
    const [marker, parents, authorTime, committerTime, name, email, message] = this.header as [
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
    ]
    const parentText = parents.toString('latin1')
    const record: LogRecord = {
      sha: marker.toString('latin1', 1),
      parents: parentText === '' ? [] : parentText.split(' '),
      authorName: name,
      authorEmail: email,
      authorTime: Number(authorTime.toString('latin1')),
      committerTime: Number(committerTime.toString('latin1')),
      message,
      raw: this.raw,
      numstat: this.numstat,
    }
    this.header = []
    this.raw = []
    this.numstat = []
    return record
  }
}
