import { execFile } from 'node:child_process'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { GitCommandError, stripCredentials, visibleText } from '@gitlore/core'

/** What `cloneRepository` clones and where. */
export interface CloneRepositoryOptions {
  readonly owner: string
  readonly repo: string
  /** The directory clones are kept in, one folder per host, owner and name. */
  readonly cloneDir: string
  /** `[github] clone_url`: a URL with `{owner}` and `{name}`; empty for the web host of `apiUrl`. */
  readonly cloneUrl: string
  /** `[github] api_url`. */
  readonly apiUrl: string
  /** Fetch only commits since this time (ISO 8601), a shallow clone; null for the whole history. */
  readonly since: string | null
  /** A GitHub token, sent as an HTTP header to the GitHub web host only (never written to disk or argv). */
  readonly token?: string | undefined
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal?: AbortSignal | undefined
}

/** A clone made or brought up to date. */
export interface ClonedRepository {
  readonly dir: string
  /** The URL it was cloned from (never with credentials). */
  readonly url: string
  /** True when an existing clone was fetched rather than a new one made. */
  readonly updated: boolean
}

/** The web address a GitHub API serves: api.github.com -> github.com, `https://host/api/v3` -> `https://host`. */
export function githubWebOrigin(apiUrl: string): string {
  const url = new URL(apiUrl)
  if (url.hostname.toLowerCase() === 'api.github.com') return 'https://github.com'
  return url.origin
}

/** The URL `owner/repo` is cloned from. */
export function cloneUrlOf(options: Pick<CloneRepositoryOptions, 'owner' | 'repo' | 'cloneUrl' | 'apiUrl'>): string {
  const template =
    options.cloneUrl.trim() === '' ? `${githubWebOrigin(options.apiUrl)}/{owner}/{name}.git` : options.cloneUrl
  return template.replaceAll('{owner}', options.owner).replaceAll('{name}', options.repo)
}

/** Where `cloneRepository` keeps the clone of `owner/repo`: `<clone dir>/<host>/<owner>/<name>`, lower-cased. */
export function cloneDirectoryOf(
  options: Pick<CloneRepositoryOptions, 'owner' | 'repo' | 'cloneUrl' | 'apiUrl' | 'cloneDir'>,
): string {
  let host = 'local'
  try {
    host = new URL(cloneUrlOf(options)).host || 'local'
  } catch {
    // An scp-like address (git@host:owner/name): kept under `local`.
  }
  return join(options.cloneDir, host.toLowerCase(), options.owner.toLowerCase(), options.repo.toLowerCase())
}

function git(args: readonly string[], env: NodeJS.ProcessEnv, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { env, signal, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) return resolve()
      // git's first fatal line says what went wrong; the ones after it are generic advice.
      const lines = String(stderr)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
      const fatal = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.at(-1) ?? ''
      const detail = stripCredentials(visibleText(fatal.replace(/^(fatal|error):\s*/, ''), { multiline: false }))
      reject(Object.assign(error, { detail: detail === '' ? error.message : detail }))
    })
  })
}

/** The environment git runs with: never prompts, and carries the token as a header for the GitHub host only. */
function gitEnvironment(options: CloneRepositoryOptions, url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...options.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' }
  const origin = githubWebOrigin(options.apiUrl)
  if (
    options.token !== undefined &&
    options.token !== '' &&
    url.startsWith(`${origin}/`) &&
    origin.startsWith('https://')
  ) {
    const index = Number(env.GIT_CONFIG_COUNT ?? 0) || 0
    const basic = Buffer.from(`x-access-token:${options.token}`).toString('base64')
    env.GIT_CONFIG_COUNT = String(index + 1)
    env[`GIT_CONFIG_KEY_${index}`] = `http.${origin}/.extraheader`
    env[`GIT_CONFIG_VALUE_${index}`] = `AUTHORIZATION: basic ${basic}`
  }
  return env
}

const noCommitsInWindow = /no commits selected for shallow requests/i

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null
}

/**
 * Clones `owner/repo` into the clone directory, or brings an earlier clone up to date: only the default
 * branch, no tags, and with `since` only the commits of the window (a shallow clone; one commit when the
 * window has none). A new clone is made beside its place and moved in when complete, so a failed clone
 * leaves nothing behind. Throws `GitCommandError` with git's own last words, credentials stripped.
 */
export async function cloneRepository(options: CloneRepositoryOptions): Promise<ClonedRepository> {
  const url = cloneUrlOf(options)
  const dir = cloneDirectoryOf(options)
  const env = gitEnvironment(options, url)
  const shallow = options.since === null ? [] : [`--shallow-since=${options.since}`]
  const describe = `${options.owner}/${options.repo} from ${stripCredentials(url)}`
  /** Runs a shallow clone or fetch; true when it cut at the window (not at one commit for an empty window). */
  const run = async (args: readonly string[], retryArgs: readonly string[]): Promise<boolean> => {
    try {
      await git(args, env, options.signal)
      return shallow.length > 0
    } catch (error) {
      if (options.signal?.aborted === true) throw options.signal.reason
      const detail = (error as { detail?: string }).detail ?? String(error)
      if (!noCommitsInWindow.test(detail)) throw error
      await git(retryArgs, env, options.signal)
      return false
    }
  }
  // The oldest commit of a clone cut at the window has no parent, so its diff is unknown: one commit more
  // makes every commit of the window readable.
  const deepenPastWindow = (repository: string) =>
    git(['-C', repository, 'fetch', '--quiet', '--no-tags', '--deepen=1', 'origin', 'HEAD'], env, options.signal)
  try {
    if (await exists(join(dir, '.git'))) {
      await git(['-C', dir, 'remote', 'set-url', 'origin', url], env, options.signal)
      const fetch = (extra: readonly string[]) => [
        '-C',
        dir,
        'fetch',
        '--quiet',
        '--no-tags',
        ...extra,
        'origin',
        'HEAD',
      ]
      // A clone made shallow for an earlier window gets its whole history when this run wants it all.
      const deepen = options.since === null && (await exists(join(dir, '.git', 'shallow'))) ? ['--unshallow'] : shallow
      const cut = await run(fetch(deepen), fetch(['--depth=1']))
      await git(['-C', dir, 'reset', '--quiet', '--hard', 'FETCH_HEAD'], env, options.signal)
      if (cut) await deepenPastWindow(dir)
      return { dir, url: stripCredentials(url), updated: true }
    }
    await mkdir(dirname(dir), { recursive: true })
    const partial = `${dir}.cloning-${process.pid}`
    await rm(partial, { recursive: true, force: true })
    const clone = ['clone', '--quiet', '--single-branch', '--no-tags']
    try {
      if (await run([...clone, ...shallow, '--', url, partial], [...clone, '--depth=1', '--', url, partial]))
        await deepenPastWindow(partial)
      await rm(dir, { recursive: true, force: true })
      await rename(partial, dir)
    } finally {
      await rm(partial, { recursive: true, force: true })
    }
    return { dir, url: stripCredentials(url), updated: false }
  } catch (error) {
    if (options.signal?.aborted === true) throw options.signal.reason
    const detail = (error as { detail?: string }).detail ?? (error as Error).message
    throw new GitCommandError(`cannot clone ${describe}: ${detail}`, { cause: error })
  }
}
