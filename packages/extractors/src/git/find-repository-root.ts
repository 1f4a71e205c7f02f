import { resolve } from 'node:path'
import { locateRepository } from './isomorphic/locate-repository.js'

/**
 * The top-level directory of the repository containing `dir` (the git directory when it has no
 * work tree), as `RepositoryInfo.path` reports it. Reads the file system only, no git process.
 * Throws `PathNotFoundError` when `dir` does not exist and `NotAGitRepositoryError` when no
 * repository contains it.
 */
export async function findRepositoryRoot(dir: string): Promise<string> {
  return (await locateRepository(resolve(dir))).path
}
