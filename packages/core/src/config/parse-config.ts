import { parse as parseToml } from 'smol-toml'
import type { z } from 'zod'
import { ConfigError } from '../errors/config-error.js'
import { configSchema, type GitloreConfig } from './config-schema.js'

/** Parses TOML text; a syntax error is a `ConfigError` naming the file. */
export function parseTomlText(text: string, file: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>
  } catch (error) {
    throw new ConfigError({
      keyPath: '',
      message: `${file} is not valid TOML: ${(error as Error).message.split('\n')[0]}`,
      cause: error,
    })
  }
}

/**
 * Validates a configuration object; errors name the offending key path, after `source` (a file, or
 * for each key path where its value came from).
 */
export function parseConfig(
  input: unknown,
  source: string | ((keyPath: string) => string) = 'configuration',
): GitloreConfig {
  const result = configSchema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0] as z.core.$ZodIssue
  const keyPath = issuePath(issue)
  const from = typeof source === 'string' ? source : source(keyPath)
  throw new ConfigError({ keyPath, message: `${from}: ${describeIssue(issue, keyPath)}` })
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

/** The value at a dotted key path of a configuration table, or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (isTable(value) ? (value as Record<string, unknown>)[key] : undefined), data)
}

function isTable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
