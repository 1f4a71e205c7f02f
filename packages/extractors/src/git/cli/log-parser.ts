import { type FileChange, type FileStatus, GitCommandError, type RawCommit } from '@gitlore/core'
import { decodeLossy } from '../decode.js'
import { toRawCommit } from '../raw-commit.js'
import { NulTokenizer } from './nul-tokenizer.js'

const recordStart = 0x1e
const headerFields = 7

/**
 * `git log` arguments whose output `LogParser` reads: identities before `.mailmap`, messages
 * re-encoded to UTF-8 by git (`i18n.logOutputEncoding` is pinned), and per file both `--raw`
 * (modes and status, to spot submodules) and `--numstat` (line counts), NUL-separated.
 */
export const logArgs = [
  '--format=%x1e%H%x00%P%x00%at%x00%ct%x00%an%x00%ae%x00%B',
  '-z',
  '--raw',
  '--numstat',
  '--no-renames',
  '--no-abbrev',
  '--diff-algorithm=myers',
  '--no-color',
  '--no-ext-diff',
]

interface RawEntry {
  readonly oldMode: string
  readonly newMode: string
  readonly status: string
  path?: Buffer
}

interface NumstatEntry {
  readonly added: number
  readonly removed: number
  readonly binary: boolean
  readonly path: Buffer
}

const statuses: Readonly<Record<string, FileStatus>> = { A: 'added', D: 'deleted' }

function unexpected(detail: string): GitCommandError {
  return new GitCommandError(`unexpected git log output (${detail}); please report this with your git version`)
}

/** Parses `git log` output produced with `logArgs`, chunk by chunk, into raw commits. */
export class LogParser {
  private readonly tokenizer = new NulTokenizer()
  private header: Buffer[] = []
  private raw: RawEntry[] = []
  private numstat: NumstatEntry[] = []
  private pendingPath: RawEntry | null = null
  private firstDiffToken = false

  /** The commits completed by this chunk of output. */
  push(chunk: Buffer): RawCommit[] {
    const commits: RawCommit[] = []
    for (const token of this.tokenizer.push(chunk)) {
      const commit = this.token(token)
      if (commit !== null) commits.push(commit)
    }
    return commits
  }

  /** The last commit, once the output has ended. */
  end(): RawCommit[] {
    const rest = this.tokenizer.end()
    if (rest !== null && rest.length > 0) throw unexpected('output ends inside a record')
    if (this.header.length === 0) return []
    if (this.header.length < headerFields) throw unexpected('output ends inside a commit header')
    return [this.finish()]
  }

  private token(token: Buffer): RawCommit | null {
    if (this.header.length < headerFields) {
      if (this.header.length === 0 && token[0] !== recordStart) throw unexpected('record without a start marker')
      this.header.push(token)
      this.firstDiffToken = true
      return null
    }
    if (this.pendingPath !== null) {
      this.pendingPath.path = token
      this.raw.push(this.pendingPath)
      this.pendingPath = null
      return null
    }
    if (token[0] === recordStart) {
      const commit = this.finish()
      this.header = [token]
      return commit
    }
    const entry = this.firstDiffToken && token[0] === 0x0a ? token.subarray(1) : token
    this.firstDiffToken = false
    if (entry[0] === 0x3a) {
      // :<old mode> <new mode> <old sha> <new sha> <status>
      const fields = entry.toString('latin1', 1).split(' ')
      this.pendingPath = { oldMode: fields[0] ?? '', newMode: fields[1] ?? '', status: fields[4] ?? '' }
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

  private finish(): RawCommit {
    const [marker, parents, authorTime, committerTime, name, email, message] = this.header as [
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
    ]
    if (this.raw.length !== this.numstat.length) throw unexpected('raw and numstat entries differ in number')
    const files: FileChange[] = []
    let submoduleEntries = 0
    this.raw.forEach((entry, index) => {
      const stat = this.numstat[index] as NumstatEntry
      if (entry.path === undefined || !entry.path.equals(stat.path)) throw unexpected('raw and numstat paths differ')
      if (entry.oldMode === '160000' || entry.newMode === '160000') {
        submoduleEntries++
        return
      }
      files.push({
        path: decodeLossy(stat.path),
        added: stat.added,
        removed: stat.removed,
        status: statuses[entry.status] ?? 'modified',
        binary: stat.binary,
      })
    })
    const parentText = parents.toString('latin1')
    const commit = toRawCommit({
      sha: marker.toString('latin1', 1),
      parents: parentText === '' ? [] : parentText.split(' '),
      authorName: name,
      authorEmail: email,
      authorTime: Number(authorTime.toString('latin1')),
      committerTime: Number(committerTime.toString('latin1')),
      encoding: '',
      message,
      files,
      submoduleEntries,
    })
    this.header = []
    this.raw = []
    this.numstat = []
    return commit
  }
}
