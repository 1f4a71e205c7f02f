import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { runGit } from './run-git.js'
import { answer, type ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'

const input = z.object({
  path: z.string().default('').describe('Directory relative to the repository root; empty for the root.'),
  depth: z
    .number()
    .int()
    .min(1)
    .max(8)
    .default(2)
    .describe('Directory levels to expand; deeper directories are summarised with their file count.'),
})

/** The tool's arguments, as validated. */
export type ListTreeInput = z.infer<typeof input>

/** The files git tracks under `prefix` ('' for all), relative to the root. */
export async function trackedFiles(context: ToolContext, prefix: string): Promise<readonly string[]> {
  const { stdout } = await runGit(context.sandbox.root, ['ls-files', '-z', '--', ...(prefix === '' ? [] : [prefix])], {
    maxBytes: 64 * 1024 * 1024,
    timeoutMs: context.limits.gitTimeoutMs,
    signal: context.signal,
  })
  return stdout.split('\0').filter((path) => path !== '')
}

/** Tracked files as a tree `depth` levels deep; deeper directories folded into `dir/ (N files)`. */
function renderTree(files: readonly string[], base: string, depth: number): string {
  const entries = new Map<string, number>()
  for (const file of files) {
    const rest = base === '' ? file : file.slice(base.length + 1)
    const segments = rest.split('/')
    if (segments.length <= depth) entries.set(rest, 0)
    else {
      const directory = `${segments.slice(0, depth).join('/')}/`
      entries.set(directory, (entries.get(directory) ?? 0) + 1)
    }
  }
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entry, count]) => (count === 0 ? entry : `${entry} (${count} ${count === 1 ? 'file' : 'files'})`))
    .join('\n')
}

/** `list_tree`: the files git tracks under a directory. */
export function listTreeTool(context: ToolContext): Tool<ListTreeInput, string> {
  return tool({
    description:
      'List the files git tracks under a directory of the repository, a few levels deep. Deeper directories are summarised as "dir/ (N files)".',
    inputSchema: input,
    execute: ({ path, depth }) =>
      answer(context, async () => {
        const base = context.sandbox.checkPath(path)
        const files = await trackedFiles(context, base)
        const under = base === '' ? files : files.filter((file) => file.startsWith(`${base}/`))
        if (under.length === 0) {
          if (files.includes(base)) throw new ToolInputError(`"${base}" is a file: use read_file`)
          throw new ToolInputError(`no tracked files under "${base}"`)
        }
        const header = `${base === '' ? '.' : `${base}/`}: ${under.length} tracked files`
        return capText(
          `${header}\n${renderTree(under, base, depth)}`,
          context.limits.maxResultChars,
          'list a subdirectory or a smaller depth',
        ).text
      }),
  })
}
