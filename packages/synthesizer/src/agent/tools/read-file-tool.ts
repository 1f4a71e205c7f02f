import { createReadStream } from 'node:fs'
import { type Tool, tool } from 'ai'
import { z } from 'zod'
import { capText } from './cap-text.js'
import { answer, type ToolContext } from './tool-context.js'
import { ToolInputError } from './tool-input-error.js'
import { resolveTrackedFile } from './tracked-file.js'

const input = z.object({
  path: z.string().min(1).describe('File path relative to the repository root.'),
  startLine: z.number().int().min(1).optional().describe('First line to show (1-based); default 1.'),
  endLine: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Last line to show; default a few hundred lines after startLine.'),
})

/** The tool's arguments, as validated. */
export type ReadFileInput = z.infer<typeof input>

/** Bytes looked at to tell a binary file (one with a NUL byte) from text, as git does. */
const sniffBytes = 8000

interface ReadLines {
  /** The lines asked for, each already cut to the line limit. */
  readonly lines: readonly string[]
  /** Lines in the file when it was read to the end; null when reading stopped early. */
  readonly total: number | null
  readonly binary: boolean
  /** True when the character budget ran out before `endLine`. */
  readonly cut: boolean
}

interface ReadRange {
  readonly startLine: number
  readonly endLine: number
  /** Characters of output after which reading stops. */
  readonly budget: number
  readonly maxLineChars: number
}

/**
 * Streams the file up to `endLine`, keeping at most `maxLineChars` of each line, so a huge file
 * (or one enormous line) costs no more memory than the lines asked for.
 */
async function readLines(real: string, range: ReadRange): Promise<ReadLines> {
  const stream = createReadStream(real, { highWaterMark: 64 * 1024 })
  const decoder = new TextDecoder('utf-8')
  const lines: string[] = []
  let head = ''
  let length = 0
  let lineNumber = 0
  let kept = 0
  let first = true
  const inRange = (): boolean => lineNumber + 1 >= range.startLine && lineNumber + 1 <= range.endLine
  const endLine = (): void => {
    lineNumber += 1
    if (lineNumber >= range.startLine && lineNumber <= range.endLine) {
      const line = length > head.length ? `${head}… [+${length - head.length} chars]` : head
      lines.push(line)
      kept += line.length + 8
    }
    head = ''
    length = 0
  }
  const add = (piece: string): void => {
    if (inRange() && head.length < range.maxLineChars) head += piece.slice(0, range.maxLineChars - head.length)
    length += piece.length
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first && chunk.subarray(0, sniffBytes).includes(0))
        return { lines: [], total: null, binary: true, cut: false }
      first = false
      const text = decoder.decode(chunk, { stream: true })
      let start = 0
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
        add(text.slice(start, newline))
        endLine()
        start = newline + 1
        if (lineNumber > range.endLine) return { lines, total: null, binary: false, cut: false }
        if (kept >= range.budget) return { lines, total: null, binary: false, cut: lineNumber < range.endLine }
      }
      add(text.slice(start))
    }
    add(decoder.decode())
    if (length > 0) endLine()
    return { lines, total: lineNumber, binary: false, cut: false }
  } finally {
    stream.destroy()
  }
}

/** `read_file`: numbered lines of a tracked text file of the working tree. */
export function readFileTool(context: ToolContext): Tool<ReadFileInput, string> {
  return tool({
    description:
      'Read lines of a text file tracked in the repository, numbered. Ask for a line range in large files. Binary files are refused.',
    inputSchema: input,
    execute: ({ path, startLine = 1, endLine }) =>
      answer(context, async () => {
        const resolved = await resolveTrackedFile(context, path)
        const last = endLine ?? startLine + context.limits.defaultReadLines - 1
        if (last < startLine) throw new ToolInputError(`endLine ${last} is before startLine ${startLine}`)
        const read = await readLines(resolved.real, {
          startLine,
          endLine: last,
          budget: context.limits.maxResultChars,
          maxLineChars: context.limits.maxLineChars,
        })
        if (read.binary) {
          throw new ToolInputError(
            `"${resolved.relative}" is a binary file (${resolved.size.toLocaleString('en-US')} bytes): not shown`,
          )
        }
        if (read.lines.length === 0) {
          throw new ToolInputError(
            `"${resolved.relative}" has ${read.total ?? 'fewer'} lines; nothing at line ${startLine}`,
          )
        }
        const shownEnd = startLine + read.lines.length - 1
        const extent =
          read.total === null
            ? `more lines follow; ${resolved.size.toLocaleString('en-US')} bytes in all`
            : `of ${read.total}`
        const width = String(shownEnd).length
        const body = read.lines.map((line, index) => `${String(startLine + index).padStart(width)}| ${line}`).join('\n')
        const header = `${resolved.relative}, lines ${startLine}-${shownEnd} (${extent})`
        const marker = read.cut
          ? `\n[truncated: output limit reached at line ${shownEnd}; continue with startLine ${shownEnd + 1}]`
          : ''
        return capText(`${header}\n${body}${marker}`, context.limits.maxResultChars, 'ask for a smaller line range')
          .text
      }),
  })
}
