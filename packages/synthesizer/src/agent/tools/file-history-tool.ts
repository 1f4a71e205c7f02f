import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { commitLine, countCommits, listCommits } from './commit-listing.js'
import { parseShortstat } from './nul-records.js'
import { answer, type ToolContext } from './tool-context.js'

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
        // Only git's own data is read here; the file system only says whether the path is a directory now.
        const isDirectory =
          path.trim().endsWith('/') ||
          target === '' ||
          (await lstat(join(context.sandbox.root, target)).catch(() => null))?.isDirectory() === true
        const args = isDirectory ? [] : ['--follow']
        const paths = [target === '' ? '.' : target]
        const listing = await listCommits(context, { args, paths, extras: 'shortstat', keep: 1, limit })
        if (listing.commits.length === 0) return `no commits touch "${target}" in the history of HEAD`
        const lines = listing.commits.map((commit) => {
          const { added, removed } = parseShortstat(commit.extras[0])
          return `${commitLine(commit, context.limits.maxLineChars)} (+${added} -${removed})`
        })
        const total = listing.more ? await countCommits(context, args, paths) : listing.commits.length
        const header = listing.more
          ? `the ${listing.commits.length} most recent of ${total} commits touching ${target} (raise limit, up to 100, or narrow the path to see more)`
          : `all ${total} commits touching ${target}`
        return capText(`${header}\n${lines.join('\n')}`, context.limits.maxResultChars, 'ask for fewer commits').text
      }),
  })
}
