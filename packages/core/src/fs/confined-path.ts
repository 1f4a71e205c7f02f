import { lstat, mkdir } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { FileWriteError } from '../errors/file-write-error.js'
import { GitloreError } from '../errors/gitlore-error.js'
import { UnsafePathError } from '../errors/unsafe-path-error.js'

/** The components of `path` below `root`, or an error when `path` is not inside `root`. */
export function componentsBelow(root: string, path: string): string[] {
  const rest = relative(resolve(root), resolve(root, path))
  if (rest === '') return []
  if (rest === '..' || rest.startsWith(`..${sep}`) || isAbsolute(rest)) {
    throw new UnsafePathError({
      path,
      message: `${path} is outside ${root}: gitlore writes only where it was asked to`,
    })
  }
  return rest.split(sep)
}

/** One clear line for a symbolic link in the way. */
export function symlinkRefusal(path: string, cause?: unknown): UnsafePathError {
  return new UnsafePathError({
    path,
    message: `${path} is a symbolic link; gitlore never reads or writes through links in a repository: remove the link, or choose another place with --out`,
    cause,
  })
}

/** One clear line for a device, pipe, socket or directory where gitlore expects a regular file. */
export function notRegularFile(path: string): UnsafePathError {
  return new UnsafePathError({
    path,
    message: `${path} is not a regular file (a device, pipe or directory); gitlore reads and writes only regular files there: move it away`,
  })
}

function notDirectory(path: string): UnsafePathError {
  return new UnsafePathError({
    path,
    message: `${path} is not a directory; gitlore needs a directory there: move the file away, or choose another place with --out`,
  })
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code

/**
 * Checks every directory between `root` and the file `path` (the root itself is trusted: the user
 * chose it): each must be a real directory, never a symbolic link. With `create`, missing
 * directories are made one at a time (mkdir never follows a link at its own path). Returns the
 * file's absolute path; the file itself is the caller's to check, with no-follow semantics.
 */
export async function checkParentDirectories(
  root: string,
  path: string,
  options: { readonly create: boolean },
): Promise<string> {
  const components = componentsBelow(root, path)
  // The root is the user's (the repository, or a directory they named): made as they named it.
  if (options.create) await mkdir(root, { recursive: true })
  let current = resolve(root)
  for (const component of components.slice(0, -1)) {
    current = join(current, component)
    let info = await lstat(current).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined
      throw error
    })
    if (info === undefined) {
      if (!options.create) continue
      await mkdir(current).catch((error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error
      })
      info = await lstat(current)
    }
    if (info.isSymbolicLink()) throw symlinkRefusal(current)
    if (!info.isDirectory()) throw notDirectory(current)
  }
  return components.length === 0 ? resolve(root) : join(resolve(root), ...components)
}

/**
 * Checks a path gitlore will write, or hand to another writer (SQLite opens its own files): every
 * directory below `root` is real (made when missing, unless `create` is false), and the path itself
 * is absent or a regular file, never a link. Returns the absolute path.
 */
export async function checkWritablePath(
  root: string,
  path: string,
  options: {
    readonly create?: boolean
    /** What to tell the user to do when a directory cannot be made or read; default: make it writable or use --out. */
    readonly remedy?: string
  } = {},
): Promise<string> {
  try {
    const target = await checkParentDirectories(root, path, { create: options.create ?? true })
    const info = await lstat(target).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined
      throw error
    })
    if (info?.isSymbolicLink() === true) throw symlinkRefusal(target)
    if (info !== undefined && !info.isFile()) throw notRegularFile(target)
    return target
  } catch (error) {
    // A directory that cannot be made or searched (a read-only checkout): one line, not a crash.
    if (GitloreError.isInstance(error)) throw error
    throw new FileWriteError(path, {
      cause: error,
      ...(options.remedy === undefined ? {} : { remedy: options.remedy }),
    })
  }
}
