import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capLine, capText } from './cap-text.js'
import { runGit } from './run-git.js'
import { answer, gitByteLimit, type ToolContext } from './tool-context.js'

const input = z.object({
  pattern: z.string().min(1).max(500).describe('Regular expression (POSIX extended), or plain text with fixedStrings.'),
  path: z.string().optional().describe('Limit the search to this file or directory (relative to the root).'),
  fixedStrings: z.boolean().default(false).describe('Treat the pattern as plain text.'),
  ignoreCase: z.boolean().default(false).describe('Match regardless of case.'),
})

/** The tool's arguments, as validated. */
export type GrepInput = z.infer<typeof input>

/** Matches shown per file, so one generated file cannot fill the result. */
const matchesPerFile = 30

/** `grep`: `git grep` over the tracked text files of the working tree. */
export function grepTool(context: ToolContext): Tool<GrepInput, string> {
  return tool({
    description:
      'Search the tracked text files of the repository (git grep). Returns path:line: text for each match; binary files are skipped.',
    inputSchema: input,
    execute: ({ pattern, path, fixedStrings, ignoreCase }) =>
      answer(context, async () => {
        const scope = path === undefined ? '' : context.sandbox.checkPath(path)
        const args = [
          'grep',
          '-n',
          '-I',
          '--no-color',
          '--full-name',
          `--max-count=${matchesPerFile}`,
          fixedStrings ? '-F' : '-E',
          ...(ignoreCase ? ['-i'] : []),
          // -e makes the pattern a value, so a pattern like "--force" is searched for, not obeyed.
          '-e',
          pattern,
          '--',
          ...(scope === '' ? [] : [scope]),
        ]
        const output = await runGit(context.sandbox.root, args, {
          maxBytes: gitByteLimit(context.limits),
          timeoutMs: context.limits.gitTimeoutMs,
          okExitCodes: [1],
          signal: context.signal,
        })
        if (output.exitCode === 1 || output.stdout.trim() === '') {
          return `no matches for ${JSON.stringify(pattern)}${scope === '' ? '' : ` in ${scope}`}`
        }
        const lines = output.stdout
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => capLine(line, context.limits.maxLineChars))
        const marker = output.truncated ? '\n[truncated: too many matches; narrow the pattern or the path]' : ''
        return capText(
          `${lines.length} matching lines (at most ${matchesPerFile} per file)\n${lines.join('\n')}${marker}`,
          context.limits.maxResultChars,
          'narrow the pattern or the path',
        ).text
      }),
  })
}
