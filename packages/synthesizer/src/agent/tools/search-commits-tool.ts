import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { commitLine, countCommits, listCommits } from './commit-listing.js'
import { answer, type ToolContext } from './tool-context.js'
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
          '--regexp-ignore-case',
          '--fixed-strings',
          // Joined to their option, so the model's text is always a value and never an option.
          ...((query ?? '') === '' ? [] : [`--grep=${query}`]),
          ...((author ?? '') === '' ? [] : [`--author=${author}`]),
        ]
        const paths = scope === '' ? [] : [scope]
        const listing = await listCommits(context, { args, paths, extras: 'names', keep: filesShown, limit })
        if (listing.commits.length === 0) return 'no matching commits in the history of HEAD'
        const lines = listing.commits.map((commit) => {
          const files = commit.extras.join(', ')
          const more =
            commit.extraCount > commit.extras.length ? ` and ${commit.extraCount - commit.extras.length} more` : ''
          return `${commitLine(commit, context.limits.maxLineChars)}\n    files: ${files === '' ? '(none)' : files}${more}`
        })
        const header = listing.more
          ? `the ${listing.commits.length} most recent of ${await countCommits(context, args, paths)} matching commits (raise limit, up to 100, or narrow the search)`
          : `${listing.commits.length} matching commits`
        return capText(`${header}\n${lines.join('\n')}`, context.limits.maxResultChars, 'narrow the search').text
      }),
  })
}
