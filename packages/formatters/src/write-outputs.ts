import { resolve } from 'node:path'
import type { OutputFormat } from '@gitlore/core'
import { writeFileAtomic } from '@gitlore/core'
import type { FormatterOptions } from './create-formatter.js'
import { createFormatter } from './create-formatter.js'
import { OutputWriteError } from './errors/output-write-error.js'
import type { FormatterName, ReportInput } from './formatter.js'

export interface WriteOutputsOptions {
  /** The formats to write, e.g. `['report']`; duplicates are written once. */
  readonly formats: readonly OutputFormat[]
  /** The directory the files go to; relative paths resolve against the working directory. */
  readonly dir: string
  /** Render only: return each output's content without touching the file system. */
  readonly dryRun?: boolean
  /** Options passed to the formatters. */
  readonly formatterOptions?: FormatterOptions
}

/** One output file, written or (on a dry run) only rendered. */
export interface WrittenOutput {
  readonly format: FormatterName
  /** Absolute path of the file. */
  readonly path: string
  readonly content: string
  /** False on a dry run. */
  readonly written: boolean
}

/**
 * Renders every requested format, then writes each file atomically (temporary file and rename),
 * so a reader never sees a half-written report and a failed write leaves the old one in place.
 * Every format is checked before anything is written.
 */
export async function writeOutputs(input: ReportInput, options: WriteOutputsOptions): Promise<WrittenOutput[]> {
  const formatters = [...new Set(options.formats)].map((format) => createFormatter(format, options.formatterOptions))
  const rendered = formatters.map((formatter) => {
    const file = formatter.format(input)
    return { format: formatter.name, path: resolve(options.dir, file.path), content: file.content }
  })
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
