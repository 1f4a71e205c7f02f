import { resolve } from 'node:path'
import type { ConfigInput } from '@gitlore/core'
import { UsageError } from '@gitlore/core'
import type { CollectContextOptions, RepositoryOptions } from '@gitlore/pipeline'
import type { Flags } from '../main.js'
import type { Terminal } from '../terminal.js'

/** `--repo` and `--config` (relative to where the command was typed) and the environment. */
export function repositoryOptions(flags: Flags, terminal: Terminal): RepositoryOptions {
  return {
    dir: resolve(terminal.cwd, typeof flags.repo === 'string' ? flags.repo : '.'),
    ...(typeof flags.config === 'string' ? { configPath: resolve(terminal.cwd, flags.config) } : {}),
    env: terminal.env,
  }
}

/** The flags of `context` and `analyze` as pipeline options. */
export function collectOptions(flags: Flags, terminal: Terminal): CollectContextOptions {
  return {
    ...repositoryOptions(flags, terminal),
    config: configOverrides(flags),
    gitOnly: flags['git-only'] === true,
    offline: flags.offline === true,
    refresh: flags.refresh === true,
    ...(flags['no-cache'] === true ? { cache: false } : {}),
  }
}

/** A flag that must be a positive whole number, or undefined when it was not given. */
export function positiveInteger(flags: Flags, name: string): number | undefined {
  const value = flags[name]
  if (typeof value !== 'string') return undefined
  if (!/^\d+$/.test(value.trim()) || Number(value) <= 0) {
    throw new UsageError(`--${name} must be a positive whole number, got "${value}"`)
  }
  return Number(value)
}

function nonNegativeNumber(flags: Flags, name: string): number | undefined {
  const value = flags[name]
  if (typeof value !== 'string') return undefined
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(`--${name} must be a number of days, got "${value}"`)
  return Number(value)
}

/** Flags that override configuration keys; flags win over gitlore.toml and the environment. */
export function configOverrides(flags: Flags): ConfigInput {
  const analysis: Record<string, unknown> = {}
  const set = (key: string, value: unknown) => {
    if (value !== undefined) analysis[key] = value
  }
  set('since', typeof flags.since === 'string' ? flags.since : undefined)
  set('until', typeof flags.until === 'string' ? flags.until : undefined)
  set('git_backend', typeof flags['git-backend'] === 'string' ? flags['git-backend'] : undefined)
  set('top', positiveInteger(flags, 'top'))
  set('max_changeset_size', positiveInteger(flags, 'max-changeset-size'))
  set('min_shared_commits', positiveInteger(flags, 'min-shared-commits'))
  set('fix_window_days', nonNegativeNumber(flags, 'fix-window-days'))
  set('inactive_days', positiveInteger(flags, 'inactive-days'))
  set('include_generated', flags['include-generated'] === true ? true : undefined)
  set('include_automation', flags['include-automation'] === true ? true : undefined)
  set('merge_identities', flags['no-merge-identities'] === true ? false : undefined)
  const overrides: Record<string, unknown> = { analysis }
  if (typeof flags.format === 'string') {
    overrides.output = {
      formats: flags.format
        .split(',')
        .map((format) => format.trim())
        .filter((format) => format !== ''),
    }
  }
  return overrides as ConfigInput
}

/** `--limit N` as a positive whole number, or undefined when not given. */
export function limitFlag(flags: Flags): number | undefined {
  return positiveInteger(flags, 'limit')
}

/** A comma-separated flag (`--files a,b`) as its non-empty items. */
export function listFlag(flags: Flags, name: string): string[] {
  const value = flags[name]
  if (typeof value !== 'string') return []
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}
