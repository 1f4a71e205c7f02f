import { lstat, mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative } from 'node:path'
import { checkWritablePath, locateWriteRoot } from '@gitlore/core'

/** The files gitlore keeps in `<repository>/.gitlore` itself (the cache is checked where `[cache] path` puts it). */
const stateFiles = ['context.json', 'gitlore.log'] as const

/** What to do when `.gitlore` cannot be written: `--out` moves the reports, not this folder. */
export const stateRemedy =
  "gitlore keeps its context and log in the repository's .gitlore folder: make the repository writable for this user"
const cacheRemedy = 'make its directory writable, or set [cache] path in ~/.config/gitlore/gitlore.toml'

/**
 * `<repository>/.gitlore`, where gitlore keeps its cache, context and log. When gitlore creates the
 * folder it puts a `.gitignore` of `*` in it, so nothing there shows as untracked in the repository.
 * A folder that exists already is left as it is; a link or a file in its place is refused in one
 * line (a committed `.gitlore -> ~` would send the cache, the context and the log out of the
 * repository).
 */
export async function prepareStateDirectory(root: string): Promise<string> {
  const directory = join(root, '.gitlore')
  const existing = await lstat(directory).catch(() => undefined)
  if (existing !== undefined) {
    // A link or a file in its place: refused in the same words as any write through it.
    if (!existing.isDirectory()) await checkWritablePath(root, join(directory, stateFiles[0]), { create: false })
    return directory
  }
  try {
    await mkdir(directory)
  } catch {
    // Appeared meanwhile, or cannot be made: the write that follows reports it in its own words.
    return directory
  }
  // `wx` never follows or replaces anything that appeared in the meantime.
  await writeFile(join(directory, '.gitignore'), '*\n', { flag: 'wx' })
  return directory
}

/** Prepares `.gitlore` first when `path` (a file gitlore is about to create) lies inside it. */
export async function prepareStateDirectoryFor(root: string, path: string): Promise<void> {
  const relativePath = relative(join(root, '.gitlore'), path)
  if (relativePath !== '' && !relativePath.startsWith('..') && !isAbsolute(relativePath))
    await prepareStateDirectory(root)
}

/**
 * Checks, before a run does any work, that what it will write in `.gitlore` can be written there
 * without following a link: the folder, context.json and gitlore.log. Throws `UnsafePathError`.
 */
export async function checkStateDirectory(root: string): Promise<void> {
  for (const file of stateFiles) {
    await checkWritablePath(root, join(root, '.gitlore', file), { create: false, remedy: stateRemedy })
  }
}

/**
 * Checks the cache file and the files SQLite keeps beside it (`-wal`, `-shm`, `-journal`): none may
 * be a link or a special file where they lie inside the repository, since SQLite opens them itself.
 */
export async function checkCachePath(root: string, path: string): Promise<void> {
  const where = await locateWriteRoot(dirname(path), root)
  const target = join(where.root, where.relative, basename(path))
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    await checkWritablePath(where.root, `${target}${suffix}`, { create: true, remedy: cacheRemedy })
  }
}
