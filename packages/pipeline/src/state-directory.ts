import { mkdir, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'

/**
 * `<repository>/.gitlore`, where gitlore keeps its cache, context and log. When gitlore creates the
 * folder it puts a `.gitignore` of `*` in it, so nothing there shows as untracked in the repository;
 * a folder that exists already (or a symlink in its place) is left as it is.
 */
export async function prepareStateDirectory(root: string): Promise<string> {
  const directory = join(root, '.gitlore')
  try {
    await mkdir(directory)
  } catch {
    // Exists already; or cannot be made, which the write that follows reports in its own words.
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
