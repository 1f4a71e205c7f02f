import type { Finding } from '@gitlore/core'
import { assistantDirective, quoteExcerpt } from '@gitlore/core'
import { escapeInline } from '../markdown/markdown-text.js'
import { shortenShas } from './plain-text.js'

/**
 * The boundary between text gitlore did not write (a model's findings, reviewers' comments,
 * commit subjects, file names) and the assistant files (CLAUDE.md, AGENTS.md, Cursor rules,
 * Copilot instructions) that AI assistants read as instructions. Everything those files say
 * beyond gitlore's own sentences passes through here.
 */

/** Why a finding is kept out of assistant files (its title or insight addresses assistants), or null. */
export function findingDirective(finding: Pick<Finding, 'title' | 'insight'>): string | null {
  return assistantDirective(`${finding.title}\n${finding.insight}`)
}

/**
 * Text gitlore did not write, as an assistant file may quote it: one line of plain prose, at most
 * `length` characters, with code blocks, links, images, HTML and control characters removed and
 * backticks turned into quotes, then escaped so markdown shows it as written; the caller puts it
 * between quotation marks.
 */
export function assistantQuotation(text: string, length: number): string {
  return escapeInline(quoteExcerpt(shortenShas(text), length).replace(/`/g, "'"))
}

/**
 * The last line of defence: every line of rendered assistant guidance that reads as an instruction
 * to assistants (whatever put it there: a quote, an author's name, a file name) is left out.
 */
export function withoutDirectives(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => assistantDirective(line) === null)
    .join('\n')
}
