import type { FormattedFile, Formatter, ReportInput } from '../formatter.js'
import { assistantGuidance } from './assistant-guidance.js'
import { managedBlock, mergeManagedBlock } from './managed-block.js'

const globsShown = 40
// Paths that are safe in Cursor's frontmatter, a comma-separated list that is not quite YAML:
// no commas, spaces, quotes or YAML indicators.
const plainPath = /^[A-Za-z0-9_.][A-Za-z0-9_./+@-]*$/

const description =
  "What gitlore learned from this repository's history (fragile areas, conventions, files that change together, who to ask)"

/** The globs of the files the findings name: paths as they are, directories as `dir/**`. */
export function cursorGlobs(input: ReportInput): string[] {
  const globs = input.findings
    .flatMap((finding) => finding.files)
    .filter((path) => plainPath.test(path))
    .map((path) => (path.endsWith('/') ? `${path}**` : path))
  return [...new Set(globs)].slice(0, globsShown)
}

function frontmatter(globs: readonly string[]): string {
  // Attached automatically when a file a finding names is in play, and on request (by its
  // description) elsewhere; with no files to attach to, it applies always.
  return [
    '---',
    `description: ${description}`,
    `globs: ${globs.join(', ')}`.trimEnd(),
    `alwaysApply: ${globs.length === 0}`,
    '---',
    '',
  ].join('\n')
}

function splitFrontmatter(text: string): { readonly frontmatter: string; readonly body: string } {
  const match = /^---\r?\n(?:.*\r?\n)*?---[ \t]*(?:\r?\n|$)/.exec(text)
  return match === null ? { frontmatter: '', body: text } : { frontmatter: match[0], body: text.slice(match[0].length) }
}

/**
 * .cursor/rules/gitlore.mdc: a rule file gitlore owns, so its frontmatter (description, globs of
 * the files the findings name, alwaysApply) is rewritten on every run. Below it the guidance
 * sits between the same markers as in CLAUDE.md, so notes added outside them survive.
 */
export class CursorRulesFormatter implements Formatter {
  readonly name = 'cursor_rules'
  readonly path = '.cursor/rules/gitlore.mdc'

  format(input: ReportInput): FormattedFile {
    return {
      path: this.path,
      content: `${frontmatter(cursorGlobs(input))}\n${managedBlock(assistantGuidance(input))}`,
    }
  }

  merge(existing: string | null, rendered: FormattedFile): string {
    const own = splitFrontmatter(rendered.content)
    const current = splitFrontmatter(existing ?? '')
    if (current.body.trim() === '') return rendered.content
    return own.frontmatter + mergeManagedBlock(current.body, own.body.trimStart(), rendered.path)
  }
}
