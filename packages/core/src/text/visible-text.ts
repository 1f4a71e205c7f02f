/**
 * Characters that move the cursor, recolour or retitle a terminal, hide text or reorder it: C0
 * controls and DEL, C1 controls (0x9B is a one-byte CSI), bidirectional overrides and isolates
 * ("Trojan Source"), the line and paragraph separators, and Unicode tag characters (invisible
 * text that models read). Tab and, in multi-line text, the newline are kept.
 */
const unsafe = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u{e0000}-\u{e007f}]/gu

// Braces, not angle brackets: the stand-in must not read as a tag in the HTML or markdown it lands in.
function visible(character: string): string {
  const code = character.codePointAt(0) as number
  // C0 controls become their Unicode control pictures (ESC -> ␛, NUL -> ␀), DEL ␡.
  if (code < 0x20) return String.fromCodePoint(0x2400 + code)
  if (code === 0x7f) return '\u2421'
  return `{U+${code.toString(16).toUpperCase().padStart(4, '0')}}`
}

/** Options of `visibleText`. */
export interface VisibleTextOptions {
  /** Keep line breaks (`\n`) as they are; default true. A lone `\r` is always made visible. */
  readonly multiline?: boolean
}

/**
 * Text from the repository, GitHub, a model or a server made safe to print or to put in a
 * document: every control character, escape sequence introducer and invisible or reordering
 * character is replaced by a visible stand-in, so `\x1b]0;pwned\x07` prints as `␛]0;pwned␇`
 * and cannot recolour, retitle or rewrite the terminal, and a log entry stays one line.
 */
export function visibleText(text: string, options: VisibleTextOptions = {}): string {
  const multiline = options.multiline ?? true
  return text.replace(unsafe, (character) => (multiline && character === '\n' ? character : visible(character)))
}
