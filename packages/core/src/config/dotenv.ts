import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

export interface LoadSecretsOptions {
  /** Repository root; its `.env` is read. */
  readonly repositoryDir: string
  /** The process environment; it wins over every file. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Home directory whose `.config/gitlore/.env` is read last; defaults to the user's. */
  readonly homeDir?: string
}

/**
 * Keys and tokens from the environment, then `<repo>/.env`, then `~/.config/gitlore/.env`: the
 * first place that sets a name wins. Secrets never come from gitlore.toml.
 */
export async function loadSecrets(options: LoadSecretsOptions): Promise<Record<string, string>> {
  const files = [join(options.repositoryDir, '.env'), join(options.homeDir ?? homedir(), '.config', 'gitlore', '.env')]
  const result: Record<string, string> = {}
  for (const file of files.reverse()) Object.assign(result, await readDotenv(file))
  for (const [name, value] of Object.entries(options.env ?? process.env)) if (value !== undefined) result[name] = value
  return result
}

/** Parses a `.env` file; a missing file is empty. */
export async function readDotenv(file: string): Promise<Record<string, string>> {
  try {
    return parseEnv(await readFile(file, 'utf8')) as Record<string, string>
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
}
