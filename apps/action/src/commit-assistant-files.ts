import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCommand } from './run-command.js'

/** What `commitAssistantFiles` did. */
export interface CommittedFiles {
  /** The files that changed (and were committed), relative to the repository. */
  readonly changed: readonly string[]
  /** The commit pushed to the branch; null when nothing changed. */
  readonly commit: string | null
}

/** Whether every file in the working tree has the content it has on `revision` (absent in both counts as equal). */
async function sameAsBranch(
  dir: string,
  revision: string,
  files: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  for (const file of files) {
    const working = await readFile(join(dir, file), 'utf8').catch(() => null)
    const stored = await runCommand('git', ['show', `${revision}:${file}`], { cwd: dir, env, log: () => {} })
    if ((stored.code === 0 ? stored.stdout : null) !== working) return false
  }
  return true
}

const bot = [
  '-c',
  'user.name=github-actions[bot]',
  '-c',
  'user.email=41898282+github-actions[bot]@users.noreply.github.com',
]

/**
 * Commits the changed assistant files on `branch` (made from the checked-out commit) and pushes it to
 * `origin`, replacing what an earlier run pushed there, so the branch always holds one commit of
 * gitlore's on top of the base. Nothing is committed or pushed when none of the files changed. git runs
 * without a shell; hooks are off for the commit.
 */
export async function commitAssistantFiles(options: {
  readonly dir: string
  readonly files: readonly string[]
  readonly branch: string
  readonly message: string
  readonly env: NodeJS.ProcessEnv
  readonly log: (line: string) => void
}): Promise<CommittedFiles> {
  const git = async (args: readonly string[]) => {
    const result = await runCommand('git', args, { cwd: options.dir, env: options.env, log: options.log })
    if (result.code !== 0)
      throw new Error(`git ${args.filter((arg) => !arg.startsWith('user.')).join(' ')} failed (exit ${result.code})`)
    return result.stdout
  }
  const status = await git(['status', '--porcelain', '--untracked-files=all', '--', ...options.files])
  const changed = status
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3))
  if (changed.length === 0) return { changed, commit: null }
  // The branch of an earlier run may hold these very files already: then there is nothing to propose.
  const remote = `refs/remotes/origin/${options.branch}`
  const fetched = await runCommand(
    'git',
    ['fetch', '--quiet', '--no-tags', 'origin', `+refs/heads/${options.branch}:${remote}`],
    {
      cwd: options.dir,
      env: options.env,
      log: () => {},
    },
  )
  if (fetched.code === 0 && (await sameAsBranch(options.dir, remote, options.files, options.env)))
    return { changed: [], commit: null }
  await git(['checkout', '--quiet', '-B', options.branch])
  await git(['add', '--', ...changed])
  await git([...bot, '-c', 'core.hooksPath=/dev/null', 'commit', '--quiet', '--no-verify', '-m', options.message])
  const commit = (await git(['rev-parse', 'HEAD'])).trim()
  await git(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${options.branch}`])
  return { changed, commit }
}
