import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigError } from '../errors/config-error.js'
import { UsageError } from '../errors/usage-error.js'
import { writeFileAtomic } from '../util/write-file-atomic.js'
import { parseConfig, parseTomlText, valueAt } from './parse-config.js'
import { configFileName, readRepositoryConfigFile } from './repository-config-file.js'
import { userConfigDirectory } from './user-config.js'
import { withoutUserOnlyKeys } from './user-only-keys.js'

/** One repository configuration the user trusted, as `gitlore trust` recorded it. */
export interface TrustEntry {
  /** The gitlore.toml's absolute real path. */
  readonly file: string
  /** Hex sha256 of its bytes when it was trusted: any change needs trust again. */
  readonly sha256: string
  /** When, ISO 8601. */
  readonly trustedAt: string
}

/** Where the trust records live: `trust.json` in the user's gitlore directory. */
export function trustStorePath(env?: Readonly<Record<string, string | undefined>>): string {
  return join(userConfigDirectory(env), 'trust.json')
}

/** The recorded trust entries; none when the file does not exist. */
export async function readTrustEntries(env?: Readonly<Record<string, string | undefined>>): Promise<TrustEntry[]> {
  const path = trustStorePath(env)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new ConfigError({ keyPath: '', message: `cannot read ${path}: ${(error as Error).message}`, cause: error })
  }
  try {
    const parsed = JSON.parse(text) as { version?: unknown; entries?: unknown }
    if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('unexpected shape')
    return (parsed.entries as TrustEntry[]).filter(
      (entry) => typeof entry.file === 'string' && typeof entry.sha256 === 'string',
    )
  } catch (error) {
    throw new ConfigError({
      keyPath: '',
      message: `${path} is not a gitlore trust file; fix it or delete it (then trust repositories again)`,
      cause: error,
    })
  }
}

async function writeTrustEntries(
  entries: readonly TrustEntry[],
  env?: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  await writeFileAtomic(trustStorePath(env), `${JSON.stringify({ version: 1, entries }, null, 2)}\n`)
}

/** True when the user trusted exactly these bytes of this file. */
export function isTrusted(entries: readonly TrustEntry[], file: string, sha256: string): boolean {
  return entries.some((entry) => entry.file === file && entry.sha256 === sha256)
}

/** What `trustRepositoryConfig` recorded, and the user-only settings the file may now make. */
export interface TrustedConfig {
  readonly entry: TrustEntry
  /** The user-only keys the file sets, as dotted paths with their values. */
  readonly settings: readonly { readonly key: string; readonly value: unknown }[]
}

/**
 * `gitlore trust`: records the repository's gitlore.toml, as it is now, as trusted to set the
 * user-only keys. Earlier trust of the same file is replaced, so only the current bytes count. A
 * file that is not valid configuration is refused, not trusted.
 */
export async function trustRepositoryConfig(options: {
  readonly repositoryDir: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly now?: Date
}): Promise<TrustedConfig> {
  const file = await readRepositoryConfigFile(options.repositoryDir)
  if (file === null) {
    throw new UsageError(`${join(options.repositoryDir, configFileName)} does not exist: there is nothing to trust`)
  }
  const data = parseTomlText(file.text, file.path)
  parseConfig(data, file.path)
  const settings = withoutUserOnlyKeys(data).removed.map((key) => ({ key, value: valueAt(data, key) }))
  const entry: TrustEntry = {
    file: file.path,
    sha256: file.sha256,
    trustedAt: (options.now ?? new Date()).toISOString(),
  }
  const kept = (await readTrustEntries(options.env)).filter((existing) => existing.file !== file.path)
  await writeTrustEntries([...kept, entry], options.env)
  return { entry, settings }
}

/** `gitlore trust revoke`: forgets trust in the repository's gitlore.toml; returns how many entries went. */
export async function revokeRepositoryTrust(options: {
  readonly file: string
  readonly env?: Readonly<Record<string, string | undefined>>
}): Promise<number> {
  const entries = await readTrustEntries(options.env)
  const kept = entries.filter((entry) => entry.file !== options.file)
  if (kept.length !== entries.length) await writeTrustEntries(kept, options.env)
  return entries.length - kept.length
}
