import { lstat, realpath } from 'node:fs/promises'
import { join, parse, relative, resolve, sep } from 'node:path'

/** Where a write is confined: the trusted directory, and the target's path below it. */
export interface WriteRoot {
  /** A directory the user chose (or the repository's real path); it is trusted as it is. */
  readonly root: string
  /** The target relative to `root`; every component of it is checked on writing. */
  readonly relative: string
}

function inside(parent: string, child: string): boolean {
  return child === parent || child.startsWith(parent + sep)
}

/**
 * Decides how far a write to `target` (a directory or file the user named, such as `--out`) may
 * trust the file system. Links outside the repository belong to the user and are followed; once
 * the path enters the repository, everything below the repository's root is checked, so a
 * committed link (`docs -> ~/.ssh`) cannot redirect a write that the user aimed inside it.
 */
export async function locateWriteRoot(target: string, repositoryDir: string): Promise<WriteRoot> {
  // A directory that does not exist yet (a new --out) has no links to resolve.
  const repository = await realpath(repositoryDir).catch(() => resolve(repositoryDir))
  const absolute = resolve(target)
  const { root: filesystemRoot } = parse(absolute)
  const components = absolute.slice(filesystemRoot.length).split(sep).filter(Boolean)
  let current = filesystemRoot
  for (const [index, component] of components.entries()) {
    if (inside(repository, current)) {
      return { root: repository, relative: join(relative(repository, current), ...components.slice(index)) }
    }
    const next = join(current, component)
    const info = await lstat(next).catch(() => undefined)
    current = info?.isSymbolicLink() === true ? await realpath(next).catch(() => next) : next
  }
  return inside(repository, current)
    ? { root: repository, relative: relative(repository, current) }
    : { root: current, relative: '' }
}
