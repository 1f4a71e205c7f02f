import type { Finding, OutputFormat, RepositoryContext } from '@gitlore/core'

/** A pipeline stage that failed; the run went on without it. */
export interface DegradedStage {
  /** The stage's name, e.g. `github` or `classifier`. */
  readonly stage: string
  /** What went wrong, as shown to the user. */
  readonly error: string
}

/** Everything a report is made from. */
export interface ReportInput {
  /** The repository context (git statistics) of the run. */
  readonly context: RepositoryContext
  /** The findings, in the synthesizer's order (severest first). */
  readonly findings: readonly Finding[]
  /** Which synthesizer wrote the findings, e.g. `offline` or a model name. */
  readonly synthesizer: string
  /** When the report was generated, ISO 8601 (passed in so output is reproducible). */
  readonly generatedAt: string
  /** Stages that failed, so the reader knows what the report lacks. */
  readonly degradedStages?: readonly DegradedStage[]
  /** Notes from the synthesizer or the run (thin data, findings left out). */
  readonly notes?: readonly string[]
}

/** The formats this package can render today; the others in `OutputFormat` come later. */
export const supportedFormats = ['report'] as const satisfies readonly OutputFormat[]

/** A format this package renders. */
export type FormatterName = (typeof supportedFormats)[number]

/** A rendered output file. */
export interface FormattedFile {
  /** File path relative to the output directory, `/`-separated (e.g. `gitlore-report.md`). */
  readonly path: string
  /** The whole file content. */
  readonly content: string
}

/** Renders a report input into one output file. */
export interface Formatter {
  /** The format's name, as `--format` and `[output] formats` spell it. */
  readonly name: FormatterName
  format(input: ReportInput): FormattedFile
}
