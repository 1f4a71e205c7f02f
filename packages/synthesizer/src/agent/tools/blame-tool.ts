import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capLine, capText } from './cap-text.js'
import { trackedFiles } from './list-tree-tool.js'
import { runGit } from './run-git.js'
import { answer, gitByteLimit, type ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'

const input = z.object({
  path: z.string().min(1).describe('Tracked file relative to the root.'),
  startLine: z.number().int().min(1).describe('First line (1-based).'),
  endLine: z.number().int().min(1).describe('Last line; at most a couple of hundred lines per call.'),
})

/** The tool's arguments, as validated. */
export type BlameInput = z.infer<typeof input>

interface BlamedCommit {
  author: string
  date: string
  summary: string
}

/** Reads `git blame --porcelain` into one line per source line: line number, commit, date, author, text. */
function renderPorcelain(stdout: string, maxLineChars: number): string {
  const commits = new Map<string, BlamedCommit>()
  const lines: string[] = []
  let current: { sha: string; line: number } | undefined
  for (const row of stdout.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(row)
    if (header !== null) {
      current = { sha: header[1] ?? '', line: Number(header[2]) }
      if (!commits.has(current.sha)) commits.set(current.sha, { author: '', date: '', summary: '' })
      continue
    }
    if (current === undefined) continue
    const commit = commits.get(current.sha)
    if (commit === undefined) continue
    if (row.startsWith('\t')) {
      const label = /^0+$/.test(current.sha) ? 'uncommitted' : current.sha.slice(0, 10)
      lines.push(capLine(`${current.line}| ${label} ${commit.date} ${commit.author}| ${row.slice(1)}`, maxLineChars))
    } else if (row.startsWith('author ')) commit.author = row.slice(7)
    else if (row.startsWith('author-time '))
      commit.date = new Date(Number(row.slice(12)) * 1000).toISOString().slice(0, 10)
    else if (row.startsWith('summary ')) commit.summary = row.slice(8)
  }
  const summaries = [...commits]
    .filter(([sha]) => !/^0+$/.test(sha))
    .map(([sha, commit]) => capLine(`${sha.slice(0, 10)} ${commit.summary}`, maxLineChars))
  return `${lines.join('\n')}\n\ncommits:\n${summaries.join('\n')}`
}

/** `blame`: who last changed each line of a range, and in which commit. */
export function blameTool(context: ToolContext): Tool<BlameInput, string> {
  return tool({
    description:
      'Show who last changed each line of a range of a tracked file and in which commit (git blame), with the commit subjects.',
    inputSchema: input,
    execute: ({ path, startLine, endLine }) =>
      answer(context, async () => {
        const resolved = await context.sandbox.resolve(path)
        if (resolved.kind !== 'file') throw new ToolInputError(`"${resolved.relative}" is not a file`)
        if ((await trackedFiles(context, resolved.relative)).length === 0) {
          throw new ToolInputError(`"${resolved.relative}" is not tracked by git`)
        }
        if (endLine < startLine) throw new ToolInputError(`endLine ${endLine} is before startLine ${startLine}`)
        const last = Math.min(endLine, startLine + context.limits.maxBlameLines - 1)
        const output = await runGit(
          context.sandbox.root,
          ['blame', '--porcelain', '-L', `${startLine},${last}`, '--', resolved.relative],
          { maxBytes: gitByteLimit(context.limits), timeoutMs: context.limits.gitTimeoutMs, signal: context.signal },
        )
        const clamped =
          last < endLine ? `\n[truncated: lines ${last + 1}-${endLine} not blamed; ask again from ${last + 1}]` : ''
        return capText(
          `${resolved.relative}, lines ${startLine}-${last}\n${renderPorcelain(output.stdout, context.limits.maxLineChars)}${clamped}`,
          context.limits.maxResultChars,
          'ask for a smaller line range',
        ).text
      }),
  })
}
