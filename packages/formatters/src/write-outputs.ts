import { join } from 'node:path'
import type { OutputFormat } from '@gitlore/core'
import {
  checkWritablePath,
  FileWriteError,
  GitloreError,
  locateWriteRoot,
  readBoundedFile,
  visibleText,
  type WriteRoot,
  writeConfinedFile,
} from '@gitlore/core'
import type { FormatterOptions } from './create-formatter.js'
import { createFormatter } from './create-formatter.js'
import { OutputWriteError } from './errors/output-write-error.js'
import type { Formatter, FormatterName, ReportInput } from './formatter.js'

export interface WriteOutputsOptions {
  /** The formats to write, e.g. `['report', 'html']`; duplicates are written once. */
  readonly formats: readonly OutputFormat[]
  /** The directory the files go to; relative paths resolve against the working directory. */
  readonly dir: string
  /**
   * The repository the outputs describe. Below its root nothing is read or written through a
   * symbolic link (a committed `CLAUDE.md -> ~/.bashrc` or `.github -> /elsewhere` is refused), so
   * outputs leave the repository only where `dir` itself says. Default: `dir` is the boundary.
   */
  readonly repositoryDir?: string
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

/** Files gitlore shares with people are read whole before merging: a few hundred kilobytes at most. */
const maxSharedFileBytes = 2 * 1024 * 1024
/** Formats read as text by people and assistants, where a control character would act rather than show. */
const textFormats: ReadonlySet<FormatterName> = new Set([
  'report',
  'html',
  'claude_md',
  'agents_md',
  'copilot',
  'cursor_rules',
])

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The current content of a file gitlore shares with people, or null when there is none. */
async function readExisting(path: string, where: WriteRoot): Promise<string | null> {
  let bytes: Uint8Array | null
  try {
    bytes = await readBoundedFile(path, { root: where.root, maxBytes: maxSharedFileBytes })
  } catch (error) {
    if (GitloreError.isInstance(error)) throw error
    throw new OutputWriteError(path, { cause: error })
  }
  if (bytes === null) return null
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

function outputPath(where: WriteRoot, formatter: Formatter): string {
  return join(where.root, where.relative, ...formatter.path.split('/'))
}

async function render(formatter: Formatter, input: ReportInput, where: WriteRoot) {
  const file = formatter.format(input)
  // Whatever reached the text (a path, a commit subject, a model's words), escape sequences show, never act.
  const rendered = textFormats.has(formatter.name) ? { ...file, content: visibleText(file.content) } : file
  const path = outputPath(where, formatter)
  const content =
    formatter.merge === undefined ? rendered.content : formatter.merge(await readExisting(path, where), rendered)
  return { format: formatter.name, path, content }
}

async function writeRoot(options: Pick<WriteOutputsOptions, 'dir' | 'repositoryDir'>): Promise<WriteRoot> {
  return locateWriteRoot(options.dir, options.repositoryDir ?? options.dir)
}

/**
 * Checks, before any work that costs time or money, that every output of `formats` can go where it
 * would: no symbolic link and no special file on the way inside the repository. Throws the same
 * one-line `UnsafePathError` that writing would.
 */
export async function checkOutputTargets(
  options: Pick<WriteOutputsOptions, 'formats' | 'dir' | 'repositoryDir' | 'formatterOptions'>,
): Promise<void> {
  const where = await writeRoot(options)
  for (const format of new Set(options.formats)) {
    await checkWritablePath(where.root, outputPath(where, createFormatter(format, options.formatterOptions)), {
      create: false,
    })
  }
}

/**
 * Renders every requested format, reading and merging the files shared with people (CLAUDE.md
 * and the like), then writes each file atomically (temporary file and rename), so a reader never
 * sees a half-written report and a failed write leaves the old one in place. Every format is
 * rendered and every merge checked before anything is written. Nothing is read or written through
 * a symbolic link inside the repository; text formats carry no raw control characters.
 */
export async function writeOutputs(input: ReportInput, options: WriteOutputsOptions): Promise<WrittenOutput[]> {
  const formatters = [...new Set(options.formats)].map((format) => createFormatter(format, options.formatterOptions))
  const where = await writeRoot(options)
  const rendered = []
  for (const formatter of formatters) rendered.push(await render(formatter, input, where))
  if (options.dryRun === true) return rendered.map((output) => ({ ...output, written: false }))
  const written: WrittenOutput[] = []
  for (const output of rendered) {
    try {
      await writeConfinedFile(output.path, output.content, { root: where.root })
    } catch (error) {
      if (!FileWriteError.isInstance(error)) throw error
      throw new OutputWriteError(output.path, { cause: error.cause })
    }
    written.push({ ...output, written: true })
  }
  return written
}
