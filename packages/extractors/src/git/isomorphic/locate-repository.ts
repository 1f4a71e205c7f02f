import { readFile, realpath, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { NotAGitRepositoryError } from '@gitlore/core'
import { assertDirectory } from '../repository-files.js'

/** Where a repository's parts live. */
export interface RepositoryLocation {
  /** The work tree root, or the git directory when there is no work tree (bare). */
  readonly path: string
  readonly workTree: string | null
  /** The git directory of this work tree: HEAD lives here. */
  readonly gitDir: string
  /** The git directory shared by all work trees: objects, refs, config, shallow. */
  readonly commonDir: string
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false
}

/** git's `is_git_directory`: a HEAD file and an objects directory (possibly via `commondir`). */
async function isGitDirectory(path: string): Promise<boolean> {
  const head = await stat(join(path, 'HEAD')).catch(() => null)
  if (head === null || !head.isFile()) return false
  return (await isDirectory(join(path, 'objects'))) || (await stat(join(path, 'commondir')).catch(() => null)) !== null
}

async function commonDirOf(gitDir: string): Promise<string> {
  const commonDir = await readFile(join(gitDir, 'commondir'), 'utf8').catch(() => null)
  return commonDir === null ? gitDir : resolve(gitDir, commonDir.trim())
}

/**
 * Finds the repository containing `dir` the way git discovers it: at each directory up to the
 * root, a `.git` directory or `.git` file (linked work trees, submodules), else the directory
 * itself when it is a bare repository.
 */
export async function locateRepository(dir: string): Promise<RepositoryLocation> {
  await assertDirectory(dir)
  let current = await realpath(dir)
  for (;;) {
    const dotGit = join(current, '.git')
    const info = await stat(dotGit).catch(() => null)
    let gitDir: string | null = null
    let workTree: string | null = current
    if (info?.isDirectory() && (await isGitDirectory(dotGit))) gitDir = dotGit
    else if (info?.isFile()) {
      const pointer = /^gitdir: (.*)$/m.exec(await readFile(dotGit, 'utf8'))
      if (pointer !== null) gitDir = resolve(current, (pointer[1] as string).trim())
    } else if (await isGitDirectory(current)) {
      gitDir = current
      workTree = null
    }
    if (gitDir !== null) {
      return { path: workTree ?? gitDir, workTree, gitDir, commonDir: await commonDirOf(gitDir) }
    }
    const parent = dirname(current)
    if (parent === current) throw new NotAGitRepositoryError(dir)
    current = parent
  }
}
