import { oneLine } from '../shared/plain-text.js'

export { integer, oneLine, percent, shortenShas } from '../shared/plain-text.js'

const codeSpanPattern = /(`+)[\s\S]*?[^`]\1(?!`)/g

/**
 * Finding text is plain text that may hold `code spans`: characters that would turn into
 * emphasis, links or HTML outside a code span (`__init__.py`, `<div>`) are escaped.
 */
export function escapeInline(text: string): string {
  let result = ''
  let last = 0
  for (const match of text.matchAll(codeSpanPattern)) {
    result += escapePlain(text.slice(last, match.index)) + match[0]
    last = match.index + match[0].length
  }
  return result + escapePlain(text.slice(last))
}

// An underscore inside a word (snake_case) never starts emphasis, so it stays readable unescaped.
function escapePlain(text: string): string {
  return text.replace(/[\\*[\]<~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&')
}

/** A code span that holds any text, backticks included. */
export function codeSpan(text: string): string {
  const line = oneLine(text)
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${line}${pad}${fence}`
}

/** Makes already-rendered markdown safe inside a table cell: one line, pipes escaped. */
export function tableCell(markdown: string): string {
  return oneLine(markdown).replace(/\|/g, '\\|')
}

/** A GitHub-flavoured table; cells are markdown, made safe by `tableCell`. Numeric columns align right. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(tableCell).join(' | ')} |`
  const rule = `|${headers.map((_, index) => (numeric.includes(index) ? '---:' : '---')).join('|')}|`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}
