import { lstat, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { NotAGitRepositoryError, PathNotFoundError } from '@gitlore/core'

/** Throws `PathNotFoundError` when `dir` does not exist and `NotAGitRepositoryError` when it is not a directory. */
export async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new PathNotFoundError(dir, 'directory')
    throw error
  })
  if (!info.isDirectory()) throw new NotAGitRepositoryError(dir)
}

/** Shas in the `shallow` file of a shallow clone (its boundary commits); empty when not shallow. */
export async function readShallowCommits(commonDir: string): Promise<string[]> {
  const text = await readFile(join(commonDir, 'shallow'), 'latin1').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  return text.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line))
}

/**
 * The `.mailmap` at the work tree root, as bytes; null when absent. Like git, a symbolic link is
 * not followed.
 */
export async function readWorkTreeMailmap(workTree: string): Promise<Uint8Array | null> {
  const path = join(workTree, '.mailmap')
  const info = await lstat(path).catch(() => null)
  if (info === null || !info.isFile()) return null
  return readFile(path)
}
