import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capLine } from './cap-text.js'
import { NulTokens } from './nul-records.js'
import { streamGit } from './run-git.js'
import { answer, type ToolContext } from './tool-context.js'

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
/** Matches held for the answer; the rest are only counted. */
const keptMatches = 500
/** Bytes of matches read before the search is stopped as too broad. */
const maxScannedBytes = 8 * 1024 * 1024

interface Match {
  readonly path: string
  readonly line: string
  readonly text: string
}

/**
 * Reads `git grep -z -n` output (`path NUL line NUL text LF`, repeated) as it streams. The text
 * holds no newline, so the newline ends it; the path may hold anything but NUL.
 */
function matchReader(onMatch: (match: Match) => void) {
  const tokens = new NulTokens()
  let path: string | null = null
  let line: string | null = null
  const onToken = (token: string) => {
    if (path === null) path = token
    else if (line === null) line = token
    else {
      const newline = token.indexOf('\n')
      onMatch({ path, line, text: newline === -1 ? token : token.slice(0, newline) })
      path = newline === -1 ? null : token.slice(newline + 1)
      line = null
    }
  }
  return {
    push: (chunk: Buffer) => tokens.push(chunk, onToken),
    end: () => {
      tokens.end(onToken)
      if (path !== null && line !== null) onMatch({ path, line, text: '' })
    },
  }
}

/** `grep`: `git grep` over the tracked regular text files of the working tree's real directory tree. */
export function grepTool(context: ToolContext): Tool<GrepInput, string> {
  return tool({
    description:
      'Search the tracked text files of the repository (git grep). Returns path:line: text for each match; binary files are skipped.',
    inputSchema: input,
    execute: ({ pattern, path, fixedStrings, ignoreCase }) =>
      answer(context, async () => {
        // A scope is resolved like any path: it must exist inside the repository, and a link in it
        // is searched where it really leads.
        const scope =
          path === undefined || context.sandbox.checkPath(path) === '' ? null : await context.sandbox.resolve(path)
        const args = [
          'grep',
          '-z',
          '-n',
          '-I',
          '--no-color',
          '--no-textconv',
          '--full-name',
          `--max-count=${matchesPerFile}`,
          fixedStrings ? '-F' : '-E',
          ...(ignoreCase ? ['-i'] : []),
          // -e makes the pattern a value, so a pattern like "--force" is searched for, not obeyed.
          '-e',
          pattern,
          '--',
          ...(scope === null ? [] : [scope.realRelative]),
        ]
        const matches: Match[] = []
        let total = 0
        let scanned = 0
        const reader = matchReader((match) => {
          total += 1
          if (matches.length < keptMatches) matches.push(match)
        })
        const run = await streamGit(context.sandbox.root, args, {
          timeoutMs: context.limits.gitTimeoutMs,
          okExitCodes: [1],
          signal: context.signal,
          onData: (chunk) => {
            scanned += chunk.length
            reader.push(chunk)
            return scanned < maxScannedBytes
          },
        })
        if (!run.stopped) reader.end()
        const shownScope = scope === null ? '' : ` in ${scope.relative}`
        if (total === 0) return `no matches for ${JSON.stringify(pattern)}${shownScope}`
        const regular = await regularFiles(context.sandbox.root, new Set(matches.map((match) => match.path)))
        const kept = matches.filter((match) => regular.has(match.path))
        const outside = matches.length - kept.length
        const lines: string[] = []
        let size = 0
        for (const match of kept) {
          const line = capLine(`${match.path}:${match.line}: ${match.text}`, context.limits.maxLineChars)
          if (size + line.length + 1 > context.limits.maxResultChars - 400) break
          lines.push(line)
          size += line.length + 1
        }
        const counted = run.stopped ? `at least ${total.toLocaleString('en-US')}` : total.toLocaleString('en-US')
        const notes = [
          ...(outside > 0
            ? [`[${outside} matches in files that are not regular files of the repository left out]`]
            : []),
          ...(lines.length + outside < total || run.stopped
            ? [
                `[truncated: showing ${lines.length} of ${counted} matching lines${run.stopped ? '; the search stopped after 8 MB of matches' : ''}; narrow the pattern or the path]`,
              ]
            : []),
        ]
        return [`${counted} matching lines${shownScope} (at most ${matchesPerFile} per file)`, ...lines, ...notes].join(
          '\n',
        )
      }),
  })
}

/** The paths among `paths` that are regular files reached through real directories of the repository. */
async function regularFiles(root: string, paths: ReadonlySet<string>): Promise<Set<string>> {
  const result = new Set<string>()
  const directories = new Map<string, Promise<boolean>>()
  const realDirectory = (directory: string): Promise<boolean> => {
    let known = directories.get(directory)
    if (known === undefined) {
      known = (async () => {
        if (directory === '') return true
        const parent = directory.includes('/') ? directory.slice(0, directory.lastIndexOf('/')) : ''
        if (!(await realDirectory(parent))) return false
        return (await lstat(join(root, directory)).catch(() => null))?.isDirectory() === true
      })()
      directories.set(directory, known)
    }
    return known
  }
  await Promise.all(
    [...paths].map(async (path) => {
      const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
      if (!(await realDirectory(parent))) return
      if ((await lstat(join(root, path)).catch(() => null))?.isFile() === true) result.add(path)
    }),
  )
  return result
}
