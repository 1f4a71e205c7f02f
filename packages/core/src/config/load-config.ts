import { isAbsolute, join, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { ConfigError } from '../errors/config-error.js'
import { GitloreError } from '../errors/gitlore-error.js'
import { readBoundedFile } from '../fs/read-bounded-file.js'
import { type ConfigInput, configSchema, type GitloreConfig } from './config-schema.js'
import { parseConfig, parseTomlText, valueAt } from './parse-config.js'
import { configFileName, maxConfigBytes, readRepositoryConfigFile } from './repository-config-file.js'
import { isTrusted, readTrustEntries } from './trust-store.js'
import { userConfigDirectory } from './user-config.js'
import { tomlKeyName, withoutUserOnlyKeys } from './user-only-keys.js'

export { configFileName, parseConfig }

export interface LoadConfigOptions {
  /** Repository root; its `gitlore.toml` is read as untrusted input. */
  readonly repositoryDir: string
  /** An explicit config file (`--config`) the user chose: it must exist, is trusted, and replaces the repository's. */
  readonly configPath?: string | undefined
  /** Environment for `GITLORE_<SECTION>_<KEY>` overrides and the user's config directory; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Values from command-line flags; they win over every file and the environment. */
  readonly overrides?: ConfigInput
}

export interface LoadedConfig {
  readonly config: GitloreConfig
  /** The project file that was read (the repository's gitlore.toml or `--config`), or null when none exists. */
  readonly file: string | null
  /** The user's own gitlore.toml when it exists, else null. */
  readonly userFile: string | null
  /**
   * Keys (dotted paths) the repository's gitlore.toml set that only the user's own configuration
   * may set; they were ignored because the file is not trusted (`gitlore trust`).
   */
  readonly ignored: readonly string[]
  /** One line for the user when keys were ignored, naming them and how to trust the file; else null. */
  readonly warning: string | null
}

/**
 * Reads the configuration in layers, later ones winning: defaults, the user's own gitlore.toml
 * (`$XDG_CONFIG_HOME/gitlore/` or `~/.config/gitlore/`), the project file (the repository's
 * gitlore.toml, or `--config`), `GITLORE_*` variables, then flags. The repository's file is
 * untrusted: the keys of `userOnlyKeys` (where secrets go, where files are written) are taken from
 * it only when the user trusted its current bytes with `gitlore trust`. Each file is validated on
 * its own, so an error names the file and the key.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const env = options.env ?? process.env
  const userPath = resolve(userConfigDirectory(env), configFileName)
  const user = await readUserToml(userPath, false)
  let project: { data: Record<string, unknown>; file: string | null; ignored: readonly string[] }
  if (options.configPath !== undefined) {
    const file = resolve(options.configPath)
    project = { data: (await readUserToml(file, true)).data, file, ignored: [] }
  } else {
    project = await readRepositoryConfig(options.repositoryDir, env)
  }
  const fromEnv = configFromEnv(env)
  parseConfig(fromEnv, (keyPath) => environmentVariableOf(keyPath, env) ?? 'GITLORE_* environment variables')
  const overrides = (options.overrides ?? {}) as Record<string, unknown>
  parseConfig(overrides, (keyPath) => flagOf(keyPath) ?? 'command-line flags')
  const merged = [project.data, fromEnv, overrides].reduce(deepMerge, user.data)
  const ignored = project.ignored
  return {
    config: parseConfig(merged),
    file: project.file,
    userFile: user.found ? userPath : null,
    ignored,
    warning:
      ignored.length === 0 || project.file === null
        ? null
        : `${project.file} sets ${ignored.map(tomlKeyName).join(', ')}, which only your own configuration may set ` +
          '(they decide where secrets are sent and files are written); ignored them. Read the file, then run ' +
          `gitlore trust --repo ${options.repositoryDir} to allow it until it changes`,
  }
}

async function readRepositoryConfig(
  repositoryDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ data: Record<string, unknown>; file: string | null; ignored: readonly string[] }> {
  const read = await guardRead(resolve(repositoryDir, configFileName), () => readRepositoryConfigFile(repositoryDir))
  if (read === null) return { data: {}, file: null, ignored: [] }
  const data = parseTomlText(read.text, read.path)
  const stripped = withoutUserOnlyKeys(data)
  // Keys set to their defaults (as `gitlore init` writes them) change nothing, so they need no trust.
  const defaults = parseConfig({})
  const changing = stripped.removed.filter((path) => !isDeepStrictEqual(valueAt(data, path), valueAt(defaults, path)))
  const trusted = changing.length > 0 && isTrusted(await readTrustEntries(env), read.path, read.sha256)
  // Only what will be used is validated: an untrusted file's ignored keys cannot stop the run.
  const used = trusted ? data : stripped.data
  parseConfig(used, read.path)
  return { data: used, file: read.path, ignored: trusted ? [] : changing }
}

/** A file of the user's own (their gitlore.toml, or `--config`): links followed, still bounded and regular. */
async function readUserToml(
  file: string,
  mustExist: boolean,
): Promise<{ data: Record<string, unknown>; found: boolean }> {
  const bytes = await guardRead(file, () => readBoundedFile(file, { maxBytes: maxConfigBytes }))
  if (bytes === null) {
    if (!mustExist) return { data: {}, found: false }
    throw new ConfigError({ keyPath: '', message: `cannot read config file ${file}: it does not exist` })
  }
  const data = parseTomlText(bytes.toString('utf8'), file)
  parseConfig(data, file)
  return { data, found: true }
}

async function guardRead<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (GitloreError.isInstance(error)) throw new ConfigError({ keyPath: '', message: error.message, cause: error })
    throw new ConfigError({
      keyPath: '',
      message: `cannot read config file ${file}: ${(error as Error).message}`,
      cause: error,
    })
  }
}

const sections = Object.keys(configSchema.shape)

/**
 * `GITLORE_ANALYSIS_SINCE=30d` sets `analysis.since`. Numbers and booleans (`true`, `false`) are
 * parsed, lists are comma-separated. `GITLORE_PROVIDERS_COMPATIBLE_BASE_URL` reaches the nested
 * provider table.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(env)) {
    const path = environmentKeyPath(name)
    if (path === null || value === undefined) continue
    let target = result
    for (const table of path.slice(0, -1)) target = (target[table] ??= {}) as Record<string, unknown>
    const section = path[0] as string
    const key = path.at(-1) as string
    target[key] = parseEnvValue(section, key, value)
  }
  return result
}

/** The key path a `GITLORE_*` variable sets (`["analysis", "since"]`), or null for any other variable. */
function environmentKeyPath(name: string): string[] | null {
  if (!name.startsWith('GITLORE_')) return null
  const rest = name.slice('GITLORE_'.length).toLowerCase()
  const section = sections.find((candidate) => rest.startsWith(`${candidate}_`))
  if (section === undefined) return null
  const key = rest.slice(section.length + 1)
  if (section === 'providers' && key.startsWith('compatible_')) {
    return [section, 'compatible', key.slice('compatible_'.length)]
  }
  return [section, key]
}

/** The variable of `env` that set `keyPath` (or a list item of it), so an error can name what the user typed. */
function environmentVariableOf(keyPath: string, env: Readonly<Record<string, string | undefined>>): string | null {
  for (const [name, value] of Object.entries(env)) {
    const path = environmentKeyPath(name)?.join('.')
    if (value !== undefined && path !== undefined && (keyPath === path || keyPath.startsWith(`${path}.`))) return name
  }
  return null
}

/** The flag that sets `keyPath` (or a list item of it): `output.formats.1` -> `--format`; null when none does. */
function flagOf(keyPath: string): string | null {
  const [section, key] = keyPath.split('.')
  if (section === 'output' && key === 'formats') return '--format'
  if (section === 'output' && key === 'dir') return '--out'
  if (section === 'analysis' && key !== undefined) return `--${key.replace(/_/g, '-')}`
  return null
}

function parseEnvValue(section: string, key: string, value: string): unknown {
  if ((section === 'output' && key === 'formats') || key === 'extra_bots') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
  }
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
  if (/^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true'
  return value
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue
    const existing = result[key]
    result[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value
  }
  return result
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Resolves a configured path against the repository root unless it is absolute. */
export function resolveFromRepository(repositoryDir: string, path: string): string {
  return isAbsolute(path) ? path : join(repositoryDir, path)
}
