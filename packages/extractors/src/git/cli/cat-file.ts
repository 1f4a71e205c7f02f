import { GitCommandError } from '@gitlore/core'
import { streamGit } from './run-git.js'

/** Options of `readBlobs`. */
export interface ReadBlobsOptions {
  readonly cwd: string
  /** Blob ids to read; ids known to be missing must be left out in a partial clone (git would stop). */
  readonly oids: readonly string[]
  readonly signal?: AbortSignal | undefined
}

/**
 * Reads blobs with one `git cat-file --batch`, by id: a blob's content, or null when the object
 * store does not have it (outside a partial clone, git answers "missing" and goes on).
 */
export async function readBlobs(options: ReadBlobsOptions): Promise<Map<string, Buffer | null>> {
  const wanted = [...new Set(options.oids)]
  const blobs = new Map<string, Buffer | null>()
  if (wanted.length === 0) return blobs
  const chunks: Buffer[] = []
  for await (const chunk of streamGit({
    cwd: options.cwd,
    args: ['cat-file', '--batch'],
    input: `${wanted.join('\n')}\n`,
    signal: options.signal,
  })) {
    chunks.push(chunk)
  }
  const output = Buffer.concat(chunks)
  let at = 0
  for (const oid of wanted) {
    const newline = output.indexOf(0x0a, at)
    if (newline === -1) throw unexpected()
    const [name, type, size] = output.toString('latin1', at, newline).split(' ')
    if (name !== oid) throw unexpected()
    if (type === 'missing') {
      blobs.set(oid, null)
      at = newline + 1
      continue
    }
    const length = Number(size)
    if (!Number.isSafeInteger(length) || newline + 1 + length > output.length) throw unexpected()
    blobs.set(oid, output.subarray(newline + 1, newline + 1 + length))
    at = newline + 2 + length
  }
  return blobs
}

function unexpected(): GitCommandError {
  return new GitCommandError('unexpected git cat-file output; please report this with your git version')
}
