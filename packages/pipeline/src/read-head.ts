import { execFile } from 'node:child_process'

/**
 * The commit HEAD points at now, or null when it cannot be read (no git binary, no commits). Only
 * `git rev-parse` runs: it reads refs, never the work tree, so no repository filter or hook runs.
 */
export function readHead(root: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}'],
      { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, timeout: 5000 },
      (error, stdout) => {
        const head = stdout.trim()
        resolve(error === null && /^[0-9a-f]{40,64}$/.test(head) ? head : null)
      },
    )
  })
}

/**
 * `readHead` asked at most once per `ttlMs`, for servers answering many questions a second. `known` is
 * HEAD as the caller just read it, answered until `ttlMs` has passed instead of asking git again.
 */
export function cachedHead(
  root: string,
  options: { readonly ttlMs?: number; readonly known?: string | null } = {},
): () => Promise<string | null> {
  const ttlMs = options.ttlMs ?? 2000
  let last: { at: number; head: Promise<string | null> } | undefined =
    options.known === undefined ? undefined : { at: Date.now(), head: Promise.resolve(options.known) }
  return () => {
    const now = Date.now()
    if (last === undefined || now - last.at > ttlMs) last = { at: now, head: readHead(root) }
    return last.head
  }
}
