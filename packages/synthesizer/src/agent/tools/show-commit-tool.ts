import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { runGit, streamGit } from './run-git.js'
import { answer, type ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'

const input = z.object({
  commit: z.string().min(4).max(100).describe('A commit sha (full or abbreviated) or HEAD~N.'),
  path: z.string().optional().describe('Show only the diff of this file or directory.'),
})

/** The tool's arguments, as validated. */
export type ShowCommitInput = z.infer<typeof input>

/** A revision the model may name: a sha, HEAD or a branch-like name, with ~N / ^N; never an option or a range. */
const revisionPattern = /^[0-9A-Za-z][0-9A-Za-z_./-]*(?:[~^]\d*)*$/

/** Files listed in the stat before git folds the rest into "..." (its summary line still counts them all). */
const statFiles = 40

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
      'Show a commit: author, date, full message, the files it changed with line counts, and its diff (optionally of one path). Large diffs are cut, and the cut is said.',
    inputSchema: input,
    execute: ({ commit, path }) =>
      answer(context, async () => {
        const revision = `${checkRevision(commit)}^{commit}`
        const scope = path === undefined ? '' : context.sandbox.checkPath(path)
        const paths = scope === '' ? [] : [scope]
        const limits = { timeoutMs: context.limits.gitTimeoutMs, signal: context.signal }
        const budget = context.limits.maxResultChars
        const header = await runGit(
          context.sandbox.root,
          [
            'show',
            '--no-patch',
            '--format=commit %H%nAuthor: %an <%ae>%nDate:   %aI%nParents: %P%n%n%B',
            '--end-of-options',
            revision,
          ],
          { ...limits, maxBytes: budget },
        )
        const stat = await runGit(
          context.sandbox.root,
          [
            'show',
            '--no-ext-diff',
            '--no-textconv',
            '--format=',
            '--stat=160',
            `--stat-count=${statFiles}`,
            '--end-of-options',
            revision,
            '--',
            ...paths,
          ],
          { ...limits, maxBytes: budget },
        )
        const message = capText(
          header.truncated ? `${header.stdout}\n[truncated: the message is longer]` : header.stdout,
          Math.floor(budget / 4),
          'the message is cut; the diff follows',
        ).text
        const files = capText(stat.stdout, Math.floor(budget / 2), 'pass a path to see one directory').text
        const room = Math.max(1000, budget - message.length - files.length - 300)
        // The diff streams until it fills the room left; the stat above counts every file either way.
        const pieces: Buffer[] = []
        let size = 0
        const run = await streamGit(
          context.sandbox.root,
          [
            'show',
            '--no-ext-diff',
            '--no-textconv',
            '--format=',
            '--patch',
            '--end-of-options',
            revision,
            '--',
            ...paths,
          ],
          {
            ...limits,
            onData: (chunk) => {
              pieces.push(chunk.subarray(0, room - size))
              size += chunk.length
              return size < room
            },
          },
        )
        const diff = Buffer.concat(pieces).toString('utf8')
        const shownFiles = (diff.match(/^diff --git /gm) ?? []).length
        const marker = run.stopped
          ? `\n[truncated: the diff is cut inside its file ${shownFiles}; the stat above lists every file; pass a path to see one file's diff]`
          : ''
        return capText(
          `${message.trimEnd()}\n\n${files.trimEnd()}\n\n${diff}${marker}`,
          budget,
          'pass a path to see one file',
        ).text
      }),
  })
}
