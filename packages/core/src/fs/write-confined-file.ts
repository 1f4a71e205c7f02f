import { randomBytes } from 'node:crypto'
import { appendFile, constants, lstat, open, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { FileWriteError } from '../errors/file-write-error.js'
import { GitloreError } from '../errors/gitlore-error.js'
import { checkParentDirectories, notRegularFile, symlinkRefusal } from './confined-path.js'

/** `O_NOFOLLOW` where the platform has it (not on Windows, where links need privileges to make). */
export const noFollow = constants.O_NOFOLLOW ?? 0

/** Options of the confined writers. */
export interface ConfinedWriteOptions {
  /** The directory the write is confined to (the repository root, or a directory the user chose); it is trusted. */
  readonly root: string
  /** What to tell the user to do when the write fails; default: make it writable or use --out. */
  readonly remedy?: string
}

/**
 * Writes a file below `root` atomically without following any symbolic link: every directory
 * between `root` and the file is checked (and made when missing), the data goes to a temporary
 * file created with O_EXCL | O_NOFOLLOW in that checked directory, and a rename puts it in place,
 * so readers see the old file or the new one. A link where the file goes is refused, not replaced.
 */
export async function writeConfinedFile(
  path: string,
  data: string | Uint8Array,
  options: ConfinedWriteOptions,
): Promise<void> {
  let temporary: string | undefined
  try {
    const target = await checkParentDirectories(options.root, path, { create: true })
    const existing = await lstat(target).catch(() => undefined)
    if (existing?.isSymbolicLink() === true) throw symlinkRefusal(target)
    temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
    const handle = await open(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow,
      existing?.isFile() === true ? existing.mode & 0o777 : 0o666,
    )
    try {
      await writeFile(handle, data)
    } finally {
      await handle.close()
    }
    await rename(temporary, target)
    temporary = undefined
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true }).catch(() => {})
    if (GitloreError.isInstance(error)) throw error
    throw new FileWriteError(path, {
      cause: error,
      ...(options.remedy === undefined ? {} : { remedy: options.remedy }),
    })
  }
}

/**
 * Appends to a file below `root` (the log) without following a symbolic link: directories are
 * checked as for `writeConfinedFile`, and the file is opened with O_APPEND | O_NOFOLLOW and must
 * be a regular file, so a committed `gitlore.log -> ~/.bashrc` is refused.
 */
export async function appendConfinedFile(path: string, data: string, options: ConfinedWriteOptions): Promise<void> {
  try {
    const target = await checkParentDirectories(options.root, path, { create: true })
    let handle: Awaited<ReturnType<typeof open>>
    try {
      handle = await open(
        target,
        constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK | noFollow,
        0o666,
      )
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw symlinkRefusal(target, error)
      throw error
    }
    try {
      if (!(await handle.stat()).isFile()) throw notRegularFile(target)
      await appendFile(handle, data)
    } finally {
      await handle.close()
    }
  } catch (error) {
    if (GitloreError.isInstance(error)) throw error
    throw new FileWriteError(path, {
      cause: error,
      ...(options.remedy === undefined ? {} : { remedy: options.remedy }),
    })
  }
}
