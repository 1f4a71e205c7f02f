import { GitCommandError } from '@gitlore/core'
import { LogParser, type LogRecord, logArgs, rawLogArgs } from './log-parser.js'
import { streamGit } from './run-git.js'
import { summarizeStderr } from './stderr-summary.js'

/** What `git log` prints per commit: line counts, only the `--raw` entries, or only the header. */
export type LogDiff = 'numstat' | 'raw' | 'none'

const diffArgs: Readonly<Record<LogDiff, readonly string[]>> = {
  numstat: logArgs,
  raw: rawLogArgs,
  none: ['--format=%x1e%H%x00%P%x00%at%x00%ct%x00%an%x00%ae%x00%B', '-z', '--no-color'],
}

/** Where `git log` stopped because an object is missing (a partial clone, a damaged store). */
export interface MissingObjectStop {
  /** The object git could not read. */
  readonly oid: string
}

// git 2.39: "unable to read <oid>" (a blob), "unable to read tree <oid>", and, with lazy fetching
// turned off in a partial clone, "could not fetch <oid> from promisor remote".
const missingObject = /(?:unable to read (?:tree )?|could not fetch )([0-9a-f]{40}(?:[0-9a-f]{24})?)\b/

/** The missing object named by git's error output, or null when it failed for another reason. */
export function missingObjectIn(stderr: string): string | null {
  return missingObject.exec(stderr)?.[1] ?? null
}

/** Options of `readLog`. */
export interface ReadLogOptions {
  readonly cwd: string
  /** Commits to read, in the order they are yielded. */
  readonly shas: readonly string[]
  readonly diff: LogDiff
  readonly signal?: AbortSignal | undefined
}

/**
 * Reads `shas` with one `git log --no-walk=unsorted --stdin`, yielding a record per commit in the
 * given order as the output arrives. When git stops at a missing object, returns where instead of
 * throwing: the commits yielded so far are complete, and the first commit not yielded is the one git
 * was on or the one before it (git may stop before printing a commit's header).
 */
export async function* readLog(options: ReadLogOptions): AsyncGenerator<LogRecord, MissingObjectStop | null> {
  const { shas } = options
  if (shas.length === 0) return null
  const parser = new LogParser()
  const stream = streamGit({
    cwd: options.cwd,
    args: ['log', '--no-walk=unsorted', '--stdin', ...diffArgs[options.diff]],
    input: `${shas.join('\n')}\n`,
    signal: options.signal,
    allowedExitCodes: [128],
  })
  let index = 0
  const check = (record: LogRecord): LogRecord => {
    if (record.sha !== shas[index]) {
      throw new GitCommandError(
        `git log returned commit ${record.sha} where ${shas[index] ?? 'nothing'} was expected; please report this with your git version`,
      )
    }
    index++
    return record
  }
  let next = await stream.next()
  while (next.done !== true) {
    for (const record of parser.push(next.value)) yield check(record)
    next = await stream.next()
  }
  const { code, stderr } = next.value
  if (code !== 0) {
    const oid = missingObjectIn(stderr)
    if (oid === null) throw new GitCommandError(`git log failed (exit ${code}): ${summarizeStderr(stderr)}`)
    return { oid }
  }
  for (const record of parser.end()) yield check(record)
  if (index !== shas.length) {
    throw new GitCommandError(
      `git log returned ${index} of ${shas.length} commits; please report this with your git version`,
    )
  }
  return null
}
