import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ConfigInput } from '@gitlore/core'
import { PathNotFoundError, UsageError } from '@gitlore/core'
import type { Flags } from '../main.js'

/** The absolute repository directory named by --repo (default: the working directory); it must exist. */
export async function repositoryArgument(flags: Flags, cwd: string): Promise<string> {
  const dir = resolve(cwd, typeof flags.repo === 'string' ? flags.repo : '.')
  const info = await stat(dir).catch(() => undefined)
  if (info === undefined) throw new PathNotFoundError(dir, 'repository path')
  if (!info.isDirectory())
    throw new UsageError(`${dir} is a file, not a directory: pass --repo with a repository directory`)
  return dir
}

function positiveInteger(flags: Flags, name: string): number | undefined {
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
