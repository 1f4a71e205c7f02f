import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { commitLine, commitLogFormat, parseCommitLog } from './commit-log.js'
import { runGit } from './run-git.js'
import { answer, gitByteLimit, type ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'

const input = z.object({
  query: z.string().max(200).optional().describe('Text to find in commit messages (case-insensitive, plain text).'),
  author: z.string().max(200).optional().describe('Part of the author name or email.'),
  path: z.string().optional().describe('Only commits touching this file or directory.'),
  limit: z.number().int().min(1).max(100).default(20).describe('Most recent matching commits to list.'),
})

/** The tool's arguments, as validated. */
export type SearchCommitsInput = z.infer<typeof input>

const filesShown = 6

/** `search_commits`: commits whose message or author matches, newest first. */
export function searchCommitsTool(context: ToolContext): Tool<SearchCommitsInput, string> {
  return tool({
    description:
      'Find commits by words in their message (e.g. "revert", "hotfix", "flaky"), by author, and/or by path. Lists sha, date, author, subject and the files changed.',
    inputSchema: input,
    execute: ({ query, author, path, limit }) =>
      answer(context, async () => {
        if ((query ?? '') === '' && (author ?? '') === '' && path === undefined) {
          throw new ToolInputError('give a query, an author or a path')
        }
        const scope = path === undefined ? '' : context.sandbox.checkPath(path)
        const args = [
          'log',
          '--no-ext-diff',
          `--max-count=${limit}`,
          '--regexp-ignore-case',
          '--fixed-strings',
          commitLogFormat,
          '--name-only',
          // Joined to their option, so the model's text is always a value and never an option.
          ...((query ?? '') === '' ? [] : [`--grep=${query}`]),
          ...((author ?? '') === '' ? [] : [`--author=${author}`]),
          '--',
          ...(scope === '' ? [] : [scope]),
        ]
        const output = await runGit(context.sandbox.root, args, {
          maxBytes: gitByteLimit(context.limits),
          timeoutMs: context.limits.gitTimeoutMs,
          signal: context.signal,
        })
        const commits = parseCommitLog(output.stdout)
        if (commits.length === 0) return 'no matching commits in the history of HEAD'
        const lines = commits.map((commit) => {
          const files = commit.fileLines.slice(0, filesShown).join(', ')
          const more = commit.fileLines.length > filesShown ? ` and ${commit.fileLines.length - filesShown} more` : ''
          return `${commitLine(commit, context.limits.maxLineChars)}\n    files: ${files === '' ? '(none)' : files}${more}`
        })
        return capText(
          `${commits.length} matching commits\n${lines.join('\n')}`,
          context.limits.maxResultChars,
          'narrow the search',
        ).text
      }),
  })
}
