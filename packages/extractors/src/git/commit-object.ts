/** The fields of a commit object that gitlore reads, as bytes where git prints bytes. */
export interface CommitObject {
  readonly tree: string
  readonly parents: readonly string[]
  readonly authorName: Buffer
  readonly authorEmail: Buffer
  /** Unix seconds; 0 when the ident has no date. */
  readonly authorTime: number
  readonly committerTime: number
  /** The `encoding` header, or empty. */
  readonly encoding: string
  readonly message: Buffer
}

interface Ident {
  readonly name: Buffer
  readonly email: Buffer
  readonly time: number
}

const noIdent: Ident = { name: Buffer.alloc(0), email: Buffer.alloc(0), time: 0 }

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || (byte !== undefined && byte >= 0x09 && byte <= 0x0d)
}

/** git's `split_ident_line`: `Name <email> 1700000000 +0100`, as `%an`, `%ae` and `%at` print it. */
export function splitIdent(line: Buffer): Ident {
  const mailBegin = line.indexOf(0x3c) + 1 // '<'
  if (mailBegin === 0) return noIdent
  let nameEnd = mailBegin - 2
  while (nameEnd >= 0 && isSpace(line[nameEnd])) nameEnd--
  const mailEnd = line.indexOf(0x3e, mailBegin) // '>'
  if (mailEnd === -1) return noIdent
  let dateBegin = line.lastIndexOf(0x3e) + 1
  while (dateBegin < line.length && isSpace(line[dateBegin])) dateBegin++
  let dateEnd = dateBegin
  while (dateEnd < line.length && (line[dateEnd] as number) >= 0x30 && (line[dateEnd] as number) <= 0x39) dateEnd++
  return {
    name: line.subarray(0, nameEnd + 1),
    email: line.subarray(mailBegin, mailEnd),
    time: dateEnd > dateBegin ? Number(line.toString('latin1', dateBegin, dateEnd)) : 0,
  }
}

/**
 * Parses a raw commit object as git's log formatting reads it: parents from the `parent` lines
 * after `tree`, the last `author` and `committer` lines, the first `encoding` header, and the
 * message after the first empty line (continuation lines of signatures are skipped).
 */
export function parseCommitObject(content: Uint8Array): CommitObject {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.length)
  let tree = ''
  const parents: string[] = []
  let author = noIdent
  let committer = noIdent
  let encoding = ''
  let parentsOpen = true
  let start = 0
  let message: Buffer = Buffer.alloc(0)
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length
    if (end === start) {
      message = bytes.subarray(start + 1)
      break
    }
    const space = bytes.indexOf(0x20, start)
    const key = space === -1 || space > end ? '' : bytes.toString('latin1', start, space)
    const value = () => bytes.subarray(space + 1, end)
    if (key === 'tree' && tree === '') tree = value().toString('latin1')
    else if (key === 'parent' && parentsOpen) parents.push(value().toString('latin1'))
    else if (key === 'author') author = splitIdent(value())
    else if (key === 'committer') committer = splitIdent(value())
    else if (key === 'encoding' && encoding === '') encoding = value().toString('latin1')
    if (key !== 'tree' && key !== 'parent') parentsOpen = false
    start = end + 1
  }
  return {
    tree,
    parents,
    authorName: author.name,
    authorEmail: author.email,
    authorTime: author.time,
    committerTime: committer.time,
    encoding,
    message,
  }
}
