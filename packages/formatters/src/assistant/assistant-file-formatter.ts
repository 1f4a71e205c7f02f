import type { FormattedFile, Formatter, ReportInput } from '../formatter.js'
import { assistantGuidance } from './assistant-guidance.js'
import { managedBlock, mergeManagedBlock } from './managed-block.js'

/** The assistant instruction files that are plain markdown, and where each lives. */
export const assistantFiles = {
  claude_md: 'CLAUDE.md',
  agents_md: 'AGENTS.md',
  copilot: '.github/copilot-instructions.md',
} as const

/** A plain-markdown assistant file: `claude_md`, `agents_md` or `copilot`. */
export type AssistantFileFormat = keyof typeof assistantFiles

/**
 * CLAUDE.md, AGENTS.md and .github/copilot-instructions.md: gitlore's guidance between
 * `<!-- gitlore:begin -->` and `<!-- gitlore:end -->`. An existing file keeps everything outside
 * the markers; a file without them gets the section appended.
 */
export class AssistantFileFormatter implements Formatter {
  readonly name: AssistantFileFormat
  get path(): string {
    return assistantFiles[this.name]
  }

  constructor(name: AssistantFileFormat) {
    this.name = name
  }

  format(input: ReportInput): FormattedFile {
    return { path: this.path, content: managedBlock(assistantGuidance(input)) }
  }

  merge(existing: string | null, rendered: FormattedFile): string {
    return mergeManagedBlock(existing, rendered.content, rendered.path)
  }
}
