import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { readBoundedFile } from '../fs/read-bounded-file.js'
import { sha256 } from '../util/hash.js'

export const configFileName = 'gitlore.toml'

/** gitlore.toml files past this size are refused: a configuration is a few kilobytes. */
export const maxConfigBytes = 1024 * 1024

/** A repository's gitlore.toml as read: where it is, its text and the hash trust is keyed by. */
export interface RepositoryConfigFile {
  /** The file's absolute path (the repository's real root joined with `gitlore.toml`). */
  readonly path: string
  readonly text: string
  /** Hex sha256 of the file's bytes. */
  readonly sha256: string
}

/**
 * Reads `<repository>/gitlore.toml` as untrusted input: a regular file, not a link, bounded in
 * size; null when there is none.
 */
export async function readRepositoryConfigFile(repositoryDir: string): Promise<RepositoryConfigFile | null> {
  const root = await realpath(repositoryDir)
  const path = join(root, configFileName)
  const bytes = await readBoundedFile(path, { root, maxBytes: maxConfigBytes })
  if (bytes === null) return null
  return { path, text: bytes.toString('utf8'), sha256: sha256(bytes) }
}
