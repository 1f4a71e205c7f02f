import { constants, open } from 'node:fs/promises'
import { GitloreError } from '../errors/gitlore-error.js'
import { UnsafePathError } from '../errors/unsafe-path-error.js'
import { checkParentDirectories, notRegularFile, symlinkRefusal } from './confined-path.js'
import { noFollow } from './write-confined-file.js'

/** Options of `readBoundedFile`. */
export interface ReadBoundedFileOptions {
  /** Bytes the file may hold; a larger file is refused before it is read. */
  readonly maxBytes: number
  /**
   * The directory the read is confined to: every directory below it and the file itself must not
   * be symbolic links. Without it the path is the user's own (their home configuration) and links
   * are followed; the file must still be a regular file.
   */
  readonly root?: string
  /** What the file is, for messages (e.g. `the repository's .env`). */
  readonly label?: string
}

/**
 * Reads a regular file whole, bounded in size; null when it does not exist. A link (inside a
 * confining root), a device such as /dev/zero, a pipe or a file past `maxBytes` is an
 * `UnsafePathError`, so reading never blocks, never leaves the repository and never grows memory
 * past the bound.
 */
export async function readBoundedFile(path: string, options: ReadBoundedFileOptions): Promise<Buffer | null> {
  const label = options.label ?? path
  const target = options.root === undefined ? path : await checkParentDirectories(options.root, path, { create: false })
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(target, constants.O_RDONLY | constants.O_NONBLOCK | (options.root === undefined ? 0 : noFollow))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    if (code === 'ELOOP') throw symlinkRefusal(label, error)
    throw error
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw notRegularFile(label)
    if (info.size > options.maxBytes) throw tooLarge(label, options.maxBytes)
    // The file may grow while it is read: never hold more than one byte past the bound.
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, options.maxBytes + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > options.maxBytes) throw tooLarge(label, options.maxBytes)
    }
    return Buffer.concat(chunks, total)
  } catch (error) {
    if (GitloreError.isInstance(error)) throw error
    throw new UnsafePathError({
      path: label,
      message: `cannot read ${label}: ${(error as Error).message}`,
      cause: error,
    })
  } finally {
    await handle.close()
  }
}

function tooLarge(label: string, maxBytes: number): UnsafePathError {
  return new UnsafePathError({
    path: label,
    message: `${label} is larger than ${maxBytes.toLocaleString('en-US')} bytes, more than gitlore reads there: shorten it or move it away`,
  })
}
