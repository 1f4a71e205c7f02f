import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ConfigInput, GitloreConfig } from '@gitlore/core'
import { loadConfig, PathNotFoundError, UsageError } from '@gitlore/core'
import type { RepositoryOptions } from './repository-options.js'

/** A repository's top-level directory and its effective configuration. */
export interface ResolvedRepository {
  /** The repository's top-level directory (absolute). */
  readonly root: string
  readonly config: GitloreConfig
  /**
   * One line when the repository's gitlore.toml set keys only the user's own configuration may
   * set (where secrets are sent, where files are written) and they were ignored; else null.
   */
  readonly warning: string | null
}

/**
 * Finds the repository containing `options.dir` (from any directory inside it) and loads its
 * configuration: gitlore.toml, then `GITLORE_*` variables, then `options.config`. A missing path,
 * a file, a directory outside any repository and a bad configuration key are usage errors.
 */
export async function resolveRepository(
  options: RepositoryOptions,
  overrides?: ConfigInput,
): Promise<ResolvedRepository> {
  const root = await findRepository(options.dir ?? process.cwd())
  const merged = mergeOverrides(options.config, overrides)
  const { config, warning } = await loadConfig({
    repositoryDir: root,
    configPath: options.configPath,
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(merged === undefined ? {} : { overrides: merged }),
  })
  return { root, config, warning }
}

/** The top-level directory of the repository holding `dir`, without loading its configuration. */
export async function findRepository(dir: string): Promise<string> {
  const { findRepositoryRoot } = await import('@gitlore/extractors')
  return findRepositoryRoot(await repositoryDirectory(dir))
}

/** The absolute directory `dir` names; it must exist and be a directory. */
export async function repositoryDirectory(dir: string): Promise<string> {
  const absolute = resolve(dir)
  const info = await stat(absolute).catch(() => undefined)
  if (info === undefined) throw new PathNotFoundError(absolute, 'repository path')
  if (!info.isDirectory()) {
    throw new UsageError(`${absolute} is a file, not a directory: pass --repo with a repository directory`)
  }
  return absolute
}

/** Section-wise merge: `later` wins key by key. */
function mergeOverrides(earlier: ConfigInput | undefined, later: ConfigInput | undefined): ConfigInput | undefined {
  if (earlier === undefined) return later
  if (later === undefined) return earlier
  const result: Record<string, unknown> = { ...earlier }
  for (const [section, values] of Object.entries(later)) {
    const before = result[section]
    result[section] =
      typeof before === 'object' && before !== null && typeof values === 'object' && values !== null
        ? { ...before, ...values }
        : values
  }
  return result as ConfigInput
}
