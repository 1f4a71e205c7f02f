import type { FileSample, HeadFiles } from '@gitlore/core'
import { isPartialClone, listMissingObjects } from './cli/missing-objects.js'
import { runGit, streamGit } from './cli/run-git.js'
import { decodeLossy } from './decode.js'

/** Options of `readHeadFiles`. */
export interface ReadHeadFilesOptions {
  /** The repository's top-level directory (or any directory inside it, or a bare repository). */
  readonly dir: string
  /** Files larger than this are listed but not sampled; default 1 MiB. */
  readonly maxFileBytes?: number
  /** Bytes read over all files, after which the rest are listed but not sampled; default 256 MiB. */
  readonly maxTotalBytes?: number
  /** Stops git when aborted. */
  readonly signal?: AbortSignal | undefined
}

/** Bytes kept from the start of a file. */
const startBytes = 1024
/** Bytes kept from the end of a file. */
const endBytes = 512
/** Bytes kept of a `.gitattributes` file. */
const attributesBytes = 64 * 1024

interface TreeEntry {
  readonly mode: string
  readonly type: string
  readonly oid: string
  readonly size: number
  readonly path: string
}

/** `git ls-tree -r -z -l` records: `<mode> <type> <oid> <size>\t<path>\0`. */
function parseTree(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = []
  let start = 0
  while (start < output.length) {
    const end = output.indexOf(0, start)
    const record = output.subarray(start, end === -1 ? output.length : end)
    start = end === -1 ? output.length : end + 1
    const tab = record.indexOf(0x09)
    if (tab === -1) continue
    const [mode, type = '', oid, size] = record.subarray(0, tab).toString('latin1').split(/ +/)
    if (mode === undefined || oid === undefined) continue
    entries.push({ mode, type, oid, size: Number(size), path: decodeLossy(record.subarray(tab + 1)) })
  }
  return entries
}

/**
 * Every entry of HEAD's tree with its size. In a partial clone, `ls-tree -l` stops at the first blob
 * the clone lacks (lazy fetching is off), so the blobs it has are sized by `cat-file --batch-check`
 * and the others are listed without a size (and so never sampled).
 */
async function listHeadTree(dir: string, signal: AbortSignal | undefined): Promise<TreeEntry[]> {
  if (!(await isPartialClone(dir, signal))) {
    return parseTree(
      (await runGit({ cwd: dir, args: ['ls-tree', '-r', '-z', '-l', '--full-tree', 'HEAD'], signal })).stdout,
    )
  }
  const [listing, missing] = await Promise.all([
    runGit({ cwd: dir, args: ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], signal }),
    listMissingObjects(dir, ['HEAD^{tree}'], signal, { walk: true }),
  ])
  const entries = parseTree(listing.stdout)
  const present = [
    ...new Set(entries.filter((entry) => entry.type === 'blob' && !missing.has(entry.oid)).map((entry) => entry.oid)),
  ]
  const sizes = new Map<string, number>()
  if (present.length > 0) {
    const checked = await runGit({
      cwd: dir,
      args: ['cat-file', '--batch-check=%(objectname) %(objectsize)'],
      input: `${present.join('\n')}\n`,
      signal,
    })
    for (const line of checked.stdout.toString('latin1').split('\n')) {
      const [oid, size] = line.split(' ')
      if (oid !== undefined && size !== undefined) sizes.set(oid, Number(size))
    }
  }
  return entries.map((entry) => ({ ...entry, size: sizes.get(entry.oid) ?? Number.NaN }))
}

function isAttributesFile(path: string): boolean {
  return path === '.gitattributes' || path.endsWith('/.gitattributes')
}

/**
 * The tree at HEAD with the git CLI: every path, the `.gitattributes` files, and the first 1 KiB
 * and last 512 bytes of each regular file (symbolic links and submodules are never read). The
 * repository is untrusted, so files over `maxFileBytes` and files past `maxTotalBytes` read in
 * all are listed without a sample; what is read streams through `git cat-file --batch` and only
 * the kept bytes stay in memory. Nothing is fetched: a blob a partial clone lacks has no sample.
 */
export async function readHeadFiles(options: ReadHeadFilesOptions): Promise<HeadFiles> {
  const { dir, signal } = options
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024
  let budget = options.maxTotalBytes ?? 256 * 1024 * 1024
  const entries = await listHeadTree(dir, signal)
  const sampled: TreeEntry[] = []
  for (const entry of entries) {
    if ((entry.mode !== '100644' && entry.mode !== '100755') || !(entry.size <= maxFileBytes)) continue
    if (entry.size > budget) continue
    budget -= entry.size
    sampled.push(entry)
  }
  const samples = new Map<string, FileSample>()
  const attributes = new Map<string, string>()
  const contents = await readBlobs(
    dir,
    sampled.map((entry) => entry.oid),
    (index) => (isAttributesFile((sampled[index] as TreeEntry).path) ? attributesBytes : startBytes),
    signal,
  )
  contents.forEach((blob, index) => {
    const entry = sampled[index] as TreeEntry
    if (blob === null) return
    if (isAttributesFile(entry.path)) attributes.set(entry.path, decodeLossy(blob.start))
    samples.set(entry.path, {
      start: decodeLossy(blob.start.subarray(0, startBytes)),
      end: blob.end === null ? '' : decodeLossy(blob.end),
    })
  })
  return { paths: entries.map((entry) => entry.path), attributes, samples }
}

interface BlobParts {
  readonly start: Buffer
  /** The last bytes, when the blob is longer than what `start` kept. */
  readonly end: Buffer | null
}

/**
 * Streams `git cat-file --batch` over `oids`, keeping the first `keep(index)` bytes and the last
 * `endBytes` of each blob; null for a missing object.
 */
async function readBlobs(
  dir: string,
  oids: readonly string[],
  keep: (index: number) => number,
  signal: AbortSignal | undefined,
): Promise<(BlobParts | null)[]> {
  const results: (BlobParts | null)[] = []
  if (oids.length === 0) return results
  let pending: Buffer = Buffer.alloc(0)
  let remaining = -1
  let size = 0
  let head: Buffer[] = []
  let headLength = 0
  let tail: Buffer = Buffer.alloc(0)
  const finish = () => {
    const start = Buffer.concat(head)
    results.push({ start, end: size > start.length ? tail : null })
    head = []
    headLength = 0
    tail = Buffer.alloc(0)
  }
  const stream = streamGit({ cwd: dir, args: ['cat-file', '--batch'], input: `${oids.join('\n')}\n`, signal })
  for await (const chunk of stream) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
    for (;;) {
      if (remaining < 0) {
        const newline = pending.indexOf(0x0a)
        if (newline === -1) break
        const header = pending.subarray(0, newline).toString('latin1')
        pending = pending.subarray(newline + 1)
        if (header.endsWith(' missing')) {
          results.push(null)
          continue
        }
        size = Number(header.split(' ')[2])
        remaining = size + 1 // the content, then a newline
        continue
      }
      if (pending.length === 0) break
      const take = Math.min(remaining, pending.length)
      // `remaining` counts the newline after the content too: it is never kept.
      const piece = pending.subarray(0, Math.min(take, remaining - 1))
      const limit = keep(results.length)
      if (headLength < limit && piece.length > 0) {
        const kept = piece.subarray(0, limit - headLength)
        head.push(Buffer.from(kept))
        headLength += kept.length
      }
      if (piece.length > 0) tail = Buffer.concat([tail, piece]).subarray(-endBytes)
      pending = pending.subarray(take)
      remaining -= take
      if (remaining === 0) {
        remaining = -1
        finish()
      }
    }
  }
  return results
}
