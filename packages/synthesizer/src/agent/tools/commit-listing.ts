import { capLine } from './cap-text.js'
import { type CommitExtras, type CommitRecord, CommitRecordParser, commitRecordFormat } from './nul-records.js'
import { streamGit } from './run-git.js'
import type { ToolContext } from './tool-context.js'

/** The first `limit` commits of a `git log` listing, and whether git had more. */
export interface CommitListing {
  readonly commits: readonly CommitRecord[]
  readonly more: boolean
}

/**
 * Runs `git log -z` with `commitRecordFormat` and `--name-only` or `--shortstat`, streaming: it
 * stops once it has seen one commit past `limit`, so the answer knows whether more exist without
 * reading them, and no commit is ever half-counted.
 */
export async function listCommits(
  context: ToolContext,
  options: {
    readonly args: readonly string[]
    readonly paths: readonly string[]
    readonly extras: CommitExtras
    readonly keep: number
    readonly limit: number
  },
): Promise<CommitListing> {
  const commits: CommitRecord[] = []
  let more = false
  const parser = new CommitRecordParser({
    extras: options.extras,
    keep: options.keep,
    onRecord: (record) => {
      if (commits.length === options.limit) {
        more = true
        return false
      }
      commits.push(record)
      return true
    },
  })
  const flag = options.extras === 'names' ? '--name-only' : '--shortstat'
  const run = await streamGit(
    context.sandbox.root,
    ['log', '-z', '--no-ext-diff', '--no-textconv', commitRecordFormat, flag, ...options.args, '--', ...options.paths],
    { timeoutMs: context.limits.gitTimeoutMs, signal: context.signal, onData: (chunk) => parser.push(chunk) },
  )
  if (!run.stopped) parser.end()
  return { commits, more }
}

/** How many commits a `git log` selection holds, counted by git as it streams (nothing is kept). */
export async function countCommits(
  context: ToolContext,
  args: readonly string[],
  paths: readonly string[],
): Promise<number> {
  let count = 0
  await streamGit(
    context.sandbox.root,
    ['log', '--no-ext-diff', '--no-textconv', '--format=tformat:.', ...args, '--', ...paths],
    {
      timeoutMs: context.limits.gitTimeoutMs,
      signal: context.signal,
      onData: (chunk) => {
        for (const byte of chunk) if (byte === 10) count += 1
        return true
      },
    },
  )
  return count
}

/** `abc1234 2025-01-06 Alice <alice@example.com>: subject` */
export function commitLine(commit: CommitRecord, maxChars: number): string {
  return capLine(`${commit.sha.slice(0, 10)} ${commit.date} ${commit.author}: ${commit.subject}`, maxChars)
}
