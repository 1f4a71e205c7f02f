import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { runGit } from './run-git.js'
import { answer, gitByteLimit, type ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'

const input = z.object({
  commit: z.string().min(4).max(100).describe('A commit sha (full or abbreviated) or HEAD~N.'),
  path: z.string().optional().describe('Show only the diff of this file or directory.'),
})

/** The tool's arguments, as validated. */
export type ShowCommitInput = z.infer<typeof input>

/** A revision the model may name: a sha, HEAD or a branch-like name, with ~N / ^N; never an option or a range. */
const revisionPattern = /^[0-9A-Za-z][0-9A-Za-z_./-]*(?:[~^]\d*)*$/

/** Checks a revision argument. */
export function checkRevision(revision: string): string {
  const text = revision.trim()
  if (!revisionPattern.test(text) || text.includes('..')) {
    throw new ToolInputError(`"${text}" is not a commit sha or HEAD~N`)
  }
  return text
}

/** `show_commit`: a commit's message, changed files and diff. */
export function showCommitTool(context: ToolContext): Tool<ShowCommitInput, string> {
  return tool({
    description:
      'Show a commit: author, date, full message, the files it changed with line counts, and its diff (optionally of one path). Large diffs are cut.',
    inputSchema: input,
    execute: ({ commit, path }) =>
      answer(context, async () => {
        const revision = checkRevision(commit)
        const scope = path === undefined ? '' : context.sandbox.checkPath(path)
        const args = [
          'show',
          '--no-ext-diff',
          '--no-textconv',
          '--format=commit %H%nAuthor: %an <%ae>%nDate:   %aI%nParents: %P%n%n%B',
          '--stat=160',
          '--patch',
          '--end-of-options',
          `${revision}^{commit}`,
          '--',
          ...(scope === '' ? [] : [scope]),
        ]
        const output = await runGit(context.sandbox.root, args, {
          maxBytes: gitByteLimit(context.limits),
          timeoutMs: context.limits.gitTimeoutMs,
          signal: context.signal,
        })
        const marker = output.truncated ? '\n[truncated: the diff is larger; pass a path to see one file]' : ''
        return capText(`${output.stdout}${marker}`, context.limits.maxResultChars, 'pass a path to see one file').text
      }),
  })
}
