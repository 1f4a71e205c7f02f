import { assistantDirective } from './assistant-directive.js'

/**
 * Reviewer text as a report quotes it: one short line of plain prose. Code blocks become "[code]",
 * markdown links their text, HTML tags and control or bidirectional-override characters go, runs of
 * whitespace become one space, and the text is cut at a word boundary with an ellipsis. Every
 * format then escapes the result for itself; this only decides what of the comment is shown.
 */
export function quoteExcerpt(body: string, length: number): string {
  const plain = body
    .replace(/```[\s\S]*?(```|$)/g, ' [code] ')
    // Lines quoted from someone else are theirs, not the reviewer's.
    .replace(/^\s*>.*$/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    // C0/C1 controls, zero-width and bidirectional controls: nothing a reader should receive.
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\[code\] ?)+$/, '')
  const characters = [...plain]
  if (characters.length <= length) return plain
  const cut = characters.slice(0, length - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`
}

/**
 * A reviewer's comment as an assistant file may quote it: a short excerpt, or null when the
 * comment addresses an assistant or its instructions (such text never reaches one) or has no
 * prose left.
 */
export function assistantQuote(body: string, length: number): string | null {
  if (assistantDirective(body) !== null) return null
  const excerpt = quoteExcerpt(body, length).replace(/[`*_[\]<>|\\]/g, '')
  return excerpt.replace(/\[code\]/g, '').trim().length < 12 ? null : excerpt
}
