import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capLine, capText } from './cap-text.js'
import { runGit } from './run-git.js'
import { answer, gitByteLimit, type ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'
import { resolveTrackedFile } from './tracked-file.js'

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
function renderPorcelain(stdout: string, maxLineChars: number): { text: string; lastLine: number | null } {
  const commits = new Map<string, BlamedCommit>()
  const lines: string[] = []
  let lastLine: number | null = null
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
      lastLine = current.line
    } else if (row.startsWith('author ')) commit.author = row.slice(7)
    else if (row.startsWith('author-time '))
      commit.date = new Date(Number(row.slice(12)) * 1000).toISOString().slice(0, 10)
    else if (row.startsWith('summary ')) commit.summary = row.slice(8)
  }
  const summaries = [...commits]
    .filter(([sha]) => !/^0+$/.test(sha))
    .map(([sha, commit]) => capLine(`${sha.slice(0, 10)} ${commit.summary}`, maxLineChars))
  return { text: `${lines.join('\n')}\n\ncommits:\n${summaries.join('\n')}`, lastLine }
}

/** `blame`: who last changed each line of a range, and in which commit. */
export function blameTool(context: ToolContext): Tool<BlameInput, string> {
  return tool({
    description:
      'Show who last changed each line of a range of a tracked file as committed at HEAD and in which commit (git blame), with the commit subjects.',
    inputSchema: input,
    execute: ({ path, startLine, endLine }) =>
      answer(context, async () => {
        const resolved = await resolveTrackedFile(context, path)
        if (endLine < startLine) throw new ToolInputError(`endLine ${endLine} is before startLine ${startLine}`)
        const last = Math.min(endLine, startLine + context.limits.maxBlameLines - 1)
        const output = await runGit(
          context.sandbox.root,
          // HEAD, never the working tree: nothing is read from disk, so no filter has anything to run on.
          ['blame', '--porcelain', '--no-textconv', '-L', `${startLine},${last}`, 'HEAD', '--', resolved.realRelative],
          { maxBytes: gitByteLimit(context.limits), timeoutMs: context.limits.gitTimeoutMs, signal: context.signal },
        )
        // A cut output may end inside a line: only whole lines count.
        const whole = output.truncated ? output.stdout.slice(0, output.stdout.lastIndexOf('\n')) : output.stdout
        const rendered = renderPorcelain(whole, context.limits.maxLineChars)
        const through = output.truncated ? (rendered.lastLine ?? startLine - 1) : last
        const cut =
          through < endLine
            ? `\n[truncated: lines ${through + 1}-${endLine} not blamed${output.truncated ? ' (output limit)' : ''}; ask again from ${through + 1}]`
            : ''
        const shown =
          resolved.realRelative === resolved.relative
            ? resolved.relative
            : `${resolved.relative} -> ${resolved.realRelative}`
        return capText(
          `${shown} at HEAD, lines ${startLine}-${through}\n${rendered.text}${cut}`,
          context.limits.maxResultChars,
          'ask for a smaller line range',
        ).text
      }),
  })
}
