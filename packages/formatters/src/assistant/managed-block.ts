import { ManagedBlockError } from '../errors/managed-block-error.js'

/** The line that opens gitlore's section of a file people edit too. */
export const blockBegin = '<!-- gitlore:begin -->'
/** The line that closes it. */
export const blockEnd = '<!-- gitlore:end -->'

/** Content wrapped in the markers, ending with a newline. */
export function managedBlock(content: string): string {
  return `${blockBegin}\n${content.trim()}\n${blockEnd}\n`
}

interface MarkerLine {
  readonly marker: typeof blockBegin | typeof blockEnd
  /** 1-based, for messages. */
  readonly line: number
  /** Offset of the line's first character. */
  readonly start: number
  /** Offset just past the line's text, before its line break. */
  readonly end: number
}

// A marker counts only as a whole line, so text that merely mentions it (escaped, in a list item,
// inside a code span) never moves the section's bounds.
function markerLines(text: string): MarkerLine[] {
  const markers: MarkerLine[] = []
  let start = 0
  let line = 1
  for (;;) {
    const newline = text.indexOf('\n', start)
    const stop = newline === -1 ? text.length : newline
    const end = text[stop - 1] === '\r' ? stop - 1 : stop
    const content = text.slice(start, end).trim()
    if (content === blockBegin || content === blockEnd) markers.push({ marker: content, line, start, end })
    if (newline === -1) return markers
    start = newline + 1
    line += 1
  }
}

function lines(markers: readonly MarkerLine[]): string {
  return markers.map((marker) => marker.line).join(', ')
}

/**
 * The file's new content: `block` (a `managedBlock`) in place of the file's current gitlore
 * section, or appended after a blank line when it has none. Everything outside the markers is
 * kept byte for byte; a file with CRLF line breaks gets the block with CRLF too. Markers that
 * are duplicated, unbalanced or out of order are a `ManagedBlockError`.
 */
export function mergeManagedBlock(existing: string | null, block: string, path: string): string {
  if (existing === null || existing.trim() === '') return block
  const newline = existing.includes('\r\n') ? '\r\n' : '\n'
  const ownBlock = block.replace(/\r?\n/g, newline)
  const markers = markerLines(existing)
  const begins = markers.filter((marker) => marker.marker === blockBegin)
  const ends = markers.filter((marker) => marker.marker === blockEnd)
  if (markers.length === 0) {
    const separator = existing.endsWith(`${newline}${newline}`)
      ? ''
      : existing.endsWith(newline)
        ? newline
        : newline.repeat(2)
    return `${existing}${separator}${ownBlock}`
  }
  const [begin] = begins
  const [end] = ends
  if (begins.length === 1 && ends.length === 1 && begin !== undefined && end !== undefined && begin.line < end.line) {
    return existing.slice(0, begin.start) + ownBlock.slice(0, -newline.length) + existing.slice(end.end)
  }
  const problem =
    begins.length > 1 || ends.length > 1
      ? `has more than one gitlore section (begin markers on lines ${lines(begins) || 'none'}, end markers on lines ${lines(ends) || 'none'})`
      : begins.length === 0 || ends.length === 0
        ? `has a "${begins.length === 0 ? blockEnd : blockBegin}" marker on line ${lines(markers)} without its pair`
        : `has its "${blockEnd}" marker (line ${lines(ends)}) before its "${blockBegin}" marker (line ${lines(begins)})`
  throw new ManagedBlockError(path, problem)
}
