import { execFile } from 'node:child_process'

/** Where a token came from. */
export type GitHubTokenSource = 'GITHUB_TOKEN' | 'GH_TOKEN' | 'gh'

/** A token and where it was found (say the source, never the token). */
export interface ResolvedGitHubToken {
  readonly token: string
  readonly source: GitHubTokenSource
}

export interface ResolveGitHubTokenOptions {
  /** Runs `gh auth token` (for the host, when given) and resolves with its output, or null when gh is absent or logged out. */
  readonly runGh?: ((hostname: string | undefined) => Promise<string | null>) | undefined
  /** GitHub host for `gh auth token --hostname`, e.g. a GitHub Enterprise host; default gh's own. */
  readonly hostname?: string | undefined
}

/** `gh auth token` through execFile (no shell), bounded in time; null when gh is missing, fails or prints nothing. */
export function runGhAuthToken(hostname: string | undefined): Promise<string | null> {
  const args = hostname === undefined ? ['auth', 'token'] : ['auth', 'token', '--hostname', hostname]
  return new Promise((resolve) => {
    execFile('gh', args, { timeout: 10_000, windowsHide: true }, (error, stdout) => {
      const token = error === null ? String(stdout).trim() : ''
      resolve(token === '' ? null : token)
    })
  })
}

/**
 * The GitHub token to use: `GITHUB_TOKEN`, else `GH_TOKEN`, else what `gh auth token` prints; null when
 * none is set (the caller then raises `GitHubTokenMissingError` or runs git-only).
 */
export async function resolveGitHubToken(
  env: Readonly<Record<string, string | undefined>>,
  options: ResolveGitHubTokenOptions = {},
): Promise<ResolvedGitHubToken | null> {
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN'] as const) {
    const token = env[name]?.trim()
    if (token) return { token, source: name }
  }
  const token = await (options.runGh ?? runGhAuthToken)(options.hostname)
  return token === null || token.trim() === '' ? null : { token: token.trim(), source: 'gh' }
}
