import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { commitLine, commitLogFormat, numstatTotals, parseCommitLog } from './commit-log.js'
import { runGit } from './run-git.js'
import { answer, gitByteLimit, type ToolContext } from './tool-context.js'

const input = z.object({
  path: z.string().min(1).describe('File or directory relative to the root; it may no longer exist.'),
  limit: z.number().int().min(1).max(100).default(20).describe('Most recent commits to list.'),
})

/** The tool's arguments, as validated. */
export type FileHistoryInput = z.infer<typeof input>

/** `file_history`: the commits that touched a path, newest first, following renames of a file. */
export function fileHistoryTool(context: ToolContext): Tool<FileHistoryInput, string> {
  return tool({
    description:
      'List the commits that changed a file or directory, newest first: sha, date, author, lines added/removed, subject. Follows renames of a single file.',
    inputSchema: input,
    execute: ({ path, limit }) =>
      answer(context, async () => {
        const target = context.sandbox.checkPath(path)
        const isDirectory = path.trim().endsWith('/') || target === ''
        const args = [
          'log',
          '--no-ext-diff',
          '--no-textconv',
          `--max-count=${limit}`,
          commitLogFormat,
          '--numstat',
          ...(isDirectory ? [] : ['--follow']),
          '--',
          target === '' ? '.' : target,
        ]
        const output = await runGit(context.sandbox.root, args, {
          maxBytes: gitByteLimit(context.limits),
          timeoutMs: context.limits.gitTimeoutMs,
          signal: context.signal,
        })
        const commits = parseCommitLog(output.stdout)
        if (commits.length === 0) return `no commits touch "${target}" in the history of HEAD`
        const lines = commits.map((commit) => {
          const { added, removed } = numstatTotals(commit.fileLines)
          return `${commitLine(commit, context.limits.maxLineChars)} (+${added} -${removed})`
        })
        return capText(
          `${commits.length} most recent commits touching ${target}\n${lines.join('\n')}`,
          context.limits.maxResultChars,
          'ask for fewer commits',
        ).text
      }),
  })
}
