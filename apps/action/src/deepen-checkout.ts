import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { resolveWindow } from '@gitlore/core'
import { runCommand } from './run-command.js'

/**
 * actions/checkout fetches one commit unless told otherwise (`fetch-depth: 0`). When the workspace is
 * such a shallow clone, fetches the history of the window from `origin`, plus one commit so the oldest
 * commit of the window has its diff (the whole history for `since: all`). Returns what it did, or why
 * not; a failed fetch leaves the clone as it was and the run goes on with what is there.
 */
export async function deepenCheckout(options: {
  readonly dir: string
  readonly since: string
  readonly env: NodeJS.ProcessEnv
  readonly log: (line: string) => void
}): Promise<'complete' | 'deepened' | 'failed'> {
  const gitDir = await runCommand('git', ['rev-parse', '--git-common-dir'], {
    cwd: options.dir,
    env: options.env,
    log: options.log,
  })
  const common = join(options.dir, gitDir.stdout.trim())
  if (gitDir.code !== 0 || (await stat(join(common, 'shallow')).catch(() => null)) === null) return 'complete'
  const git = (args: readonly string[]) =>
    runCommand('git', args, { cwd: options.dir, env: options.env, log: options.log })
  const window = options.since === 'all' ? null : resolveWindow({ since: options.since })
  const fetch = [
    'fetch',
    '--quiet',
    '--no-tags',
    ...(window === null ? ['--unshallow'] : [`--shallow-since=${window.since}`]),
    'origin',
  ]
  if ((await git(fetch)).code !== 0) {
    options.log(
      '::warning title=gitlore::the checkout is shallow and fetching the window failed; set fetch-depth: 0 on actions/checkout',
    )
    return 'failed'
  }
  if (window !== null) await git(['fetch', '--quiet', '--no-tags', '--deepen=1', 'origin'])
  return 'deepened'
}
