import { readFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import type { z } from 'zod'
import { ConfigError } from '../errors/config-error.js'
import { type ConfigInput, configSchema, type GitloreConfig } from './config-schema.js'

export const configFileName = 'gitlore.toml'

export interface LoadConfigOptions {
  /** Repository root; `gitlore.toml` is looked for here. */
  readonly repositoryDir: string
  /** An explicit config file (`--config`); it must exist. */
  readonly configPath?: string | undefined
  /** Environment to read `GITLORE_<SECTION>_<KEY>` overrides from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Values from command-line flags; they win over the file and the environment. */
  readonly overrides?: ConfigInput
}

export interface LoadedConfig {
  readonly config: GitloreConfig
  /** The file that was read, or null when none exists. */
  readonly file: string | null
}

/** Reads gitlore.toml, then the environment, then flags, and validates the result. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const explicit = options.configPath !== undefined
  const file = explicit ? resolve(options.configPath as string) : join(options.repositoryDir, configFileName)
  const fromFile = await readTomlFile(file, explicit)
  const fromEnv = configFromEnv(options.env ?? process.env)
  const merged = deepMerge(deepMerge(fromFile.data, fromEnv), (options.overrides ?? {}) as Record<string, unknown>)
  return { config: parseConfig(merged, fromFile.found ? file : 'configuration'), file: fromFile.found ? file : null }
}

/** Validates a configuration object; errors name the offending key path. */
export function parseConfig(input: unknown, source = 'configuration'): GitloreConfig {
  const result = configSchema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0] as z.core.$ZodIssue
  const keyPath = issuePath(issue)
  throw new ConfigError({ keyPath, message: `${source}: ${describeIssue(issue, keyPath)}` })
}

function issuePath(issue: z.core.$ZodIssue): string {
  const base = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') return [...base, issue.keys[0] ?? ''].join('.')
  return base.join('.')
}

function describeIssue(issue: z.core.$ZodIssue, keyPath: string): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key "${keyPath}": remove it or check its spelling (see gitlore init for every key)`
  }
  return `invalid value for "${keyPath}": ${issue.message}`
}

async function readTomlFile(
  file: string,
  mustExist: boolean,
): Promise<{ data: Record<string, unknown>; found: boolean }> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !mustExist) return { data: {}, found: false }
    throw new ConfigError({
      keyPath: '',
      message: `cannot read config file ${file}: ${(error as Error).message}`,
      cause: error,
    })
  }
  try {
    return { data: parseToml(text) as Record<string, unknown>, found: true }
  } catch (error) {
    throw new ConfigError({
      keyPath: '',
      message: `${file} is not valid TOML: ${(error as Error).message.split('\n')[0]}`,
      cause: error,
    })
  }
}

const sections = Object.keys(configSchema.shape)

/**
 * `GITLORE_ANALYSIS_SINCE=30d` sets `analysis.since`. Numbers and booleans are parsed, lists are
 * comma-separated. `GITLORE_PROVIDERS_COMPATIBLE_BASE_URL` reaches the nested provider table.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const result: Record<string, Record<string, unknown>> = {}
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('GITLORE_') || value === undefined) continue
    const rest = name.slice('GITLORE_'.length).toLowerCase()
    const section = sections.find((candidate) => rest.startsWith(`${candidate}_`))
    if (section === undefined) continue
    let key = rest.slice(section.length + 1)
    let target = (result[section] ??= {})
    if (section === 'providers' && key.startsWith('compatible_')) {
      target = (target.compatible ??= {}) as Record<string, unknown>
      key = key.slice('compatible_'.length)
    }
    target[key] = parseEnvValue(section, key, value)
  }
  return result
}

function parseEnvValue(section: string, key: string, value: string): unknown {
  if ((section === 'output' && key === 'formats') || key === 'extra_bots') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
  }
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
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
