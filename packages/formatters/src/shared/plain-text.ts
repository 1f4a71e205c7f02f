/** Text on one line: runs of whitespace, newlines included, become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Full 40-character commit shas in text, shortened to the 7 characters git shows. */
export function shortenShas(text: string): string {
  return text.replace(/\b[0-9a-f]{40}\b/g, (sha) => sha.slice(0, 7))
}

/** A whole number with thousands separators. */
export function integer(value: number): string {
  return value.toLocaleString('en-US')
}

/** A ratio 0..1 as a whole percentage. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

export { count } from '@gitlore/core'

/** Text cut to at most `length` characters, the cut marked with an ellipsis in the middle. */
export function shorten(text: string, length: number): string {
  const characters = [...text]
  if (characters.length <= length) return text
  const head = Math.ceil((length - 1) / 2)
  const tail = length - 1 - head
  return `${characters.slice(0, head).join('')}…${characters.slice(characters.length - tail).join('')}`
}
