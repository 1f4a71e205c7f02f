import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { ConfigError } from '../errors/config-error.js'
import { GitloreError } from '../errors/gitlore-error.js'
import { readBoundedFile } from '../fs/read-bounded-file.js'
import { userConfigDirectory } from './user-config.js'

/** A `.env` file past this size is refused: a handful of keys is a few hundred bytes. */
const maxDotenvBytes = 64 * 1024

export interface LoadSecretsOptions {
  /** Repository root; its `.env` is read (a regular file, not a link). */
  readonly repositoryDir: string
  /** The process environment; it wins over every file, and locates the user's gitlore directory. */
  readonly env?: Readonly<Record<string, string | undefined>>
}

/**
 * Keys and tokens from the environment, then `<repo>/.env`, then the user's `.env`
 * (`$XDG_CONFIG_HOME/gitlore/.env` or `~/.config/gitlore/.env`): the first place that sets a name
 * wins. Secrets never come from gitlore.toml. The repository's `.env` must be a regular file in the
 * repository (a committed `.env -> ~/.aws/credentials` or `-> /dev/zero` is refused in one line).
 */
export async function loadSecrets(options: LoadSecretsOptions): Promise<Record<string, string>> {
  const env = options.env ?? process.env
  const root = await realpath(options.repositoryDir)
  const result: Record<string, string> = {}
  Object.assign(result, await readDotenv(join(userConfigDirectory(env), '.env')))
  Object.assign(result, await readDotenv(join(root, '.env'), root))
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value
  return result
}

/**
 * Parses a `.env` file; a missing file is empty. With `root`, the file is confined to it (no
 * links); without, it is the user's own and links are followed. Either way it must be a regular
 * file of at most 64 KiB.
 */
export async function readDotenv(file: string, root?: string): Promise<Record<string, string>> {
  let bytes: Buffer | null
  try {
    bytes = await readBoundedFile(file, { maxBytes: maxDotenvBytes, ...(root === undefined ? {} : { root }) })
  } catch (error) {
    const reason = GitloreError.isInstance(error) ? error.message : `cannot read ${file}: ${(error as Error).message}`
    throw new ConfigError({ keyPath: '', message: `${reason} (gitlore reads keys from it)`, cause: error })
  }
  return bytes === null ? {} : (parseEnv(bytes.toString('utf8')) as Record<string, string>)
}
