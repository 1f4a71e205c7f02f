import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { OutputFormat } from '@gitlore/core'
import { GitloreError, writeFileAtomic } from '@gitlore/core'
import type { FormatterOptions } from './create-formatter.js'
import { createFormatter } from './create-formatter.js'
import { OutputWriteError } from './errors/output-write-error.js'
import type { Formatter, FormatterName, ReportInput } from './formatter.js'

export interface WriteOutputsOptions {
  /** The formats to write, e.g. `['report', 'html']`; duplicates are written once. */
  readonly formats: readonly OutputFormat[]
  /** The directory the files go to; relative paths resolve against the working directory. */
  readonly dir: string
  /** Render only: return each output's content without writing (files shared with people are still read). */
  readonly dryRun?: boolean
  /** Options passed to the formatters. */
  readonly formatterOptions?: FormatterOptions
}

/** One output file, written or (on a dry run) only rendered. */
export interface WrittenOutput {
  readonly format: FormatterName
  /** Absolute path of the file. */
  readonly path: string
  /** The file's whole content as written (for CLAUDE.md and the like, merged with what was there). */
  readonly content: string
  /** False on a dry run. */
  readonly written: boolean
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The current content of a file gitlore shares with people, or null when there is none. */
async function readExisting(path: string): Promise<string | null> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new OutputWriteError(path, { cause: error })
  }
  try {
    return strictUtf8.decode(bytes)
  } catch (error) {
    // Decoding it lossily and writing it back would change bytes the user wrote.
    throw new GitloreError({
      code: 'output_not_utf8',
      kind: 'usage',
      message: `${path} is not valid UTF-8, so gitlore will not rewrite it; convert it to UTF-8 and run again. No output was written.`,
      cause: error,
    })
  }
}

async function render(formatter: Formatter, input: ReportInput, dir: string) {
  const file = formatter.format(input)
  const path = resolve(dir, file.path)
  const content = formatter.merge === undefined ? file.content : formatter.merge(await readExisting(path), file)
  return { format: formatter.name, path, content }
}

/**
 * Renders every requested format, reading and merging the files shared with people (CLAUDE.md
 * and the like), then writes each file atomically (temporary file and rename), so a reader never
 * sees a half-written report and a failed write leaves the old one in place. Every format is
 * rendered and every merge checked before anything is written.
 */
export async function writeOutputs(input: ReportInput, options: WriteOutputsOptions): Promise<WrittenOutput[]> {
  const formatters = [...new Set(options.formats)].map((format) => createFormatter(format, options.formatterOptions))
  const rendered = []
  for (const formatter of formatters) rendered.push(await render(formatter, input, options.dir))
  if (options.dryRun === true) return rendered.map((output) => ({ ...output, written: false }))
  const written: WrittenOutput[] = []
  for (const output of rendered) {
    try {
      await writeFileAtomic(output.path, output.content)
    } catch (error) {
      throw new OutputWriteError(output.path, { cause: error })
    }
    written.push({ ...output, written: true })
  }
  return written
}
