import type { ResolvedPath } from './repository-sandbox.js'
import { runGit } from './run-git.js'
import type { ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'

/** True when git tracks exactly `path` (repository-relative, `/`-separated). */
export async function isTracked(context: ToolContext, path: string): Promise<boolean> {
  const { stdout } = await runGit(context.sandbox.root, ['ls-files', '-z', '--', path], {
    maxBytes: 64 * 1024 * 1024,
    timeoutMs: context.limits.gitTimeoutMs,
    signal: context.signal,
  })
  return stdout.split('\0').includes(path)
}

/**
 * Resolves a path argument to a regular file git tracks, judged by where it really is: a tracked
 * link (`notes.txt -> .env`) to an untracked, ignored or outside file is refused, so no tool
 * reads what `read_file` would not.
 */
export async function resolveTrackedFile(context: ToolContext, path: string): Promise<ResolvedPath> {
  const resolved = await context.sandbox.resolve(path)
  if (resolved.kind === 'directory') throw new ToolInputError(`"${resolved.relative}" is a directory: use list_tree`)
  if (resolved.kind !== 'file') throw new ToolInputError(`"${resolved.relative}" is not a regular file`)
  if (!(await isTracked(context, resolved.realRelative))) {
    throw new ToolInputError(
      resolved.realRelative === resolved.relative
        ? `"${resolved.relative}" is not tracked by git; the tools read tracked files only`
        : `"${resolved.relative}" is a link to "${resolved.realRelative}", which git does not track: refused`,
    )
  }
  return resolved
}
