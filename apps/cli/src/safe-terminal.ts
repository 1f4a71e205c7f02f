import { visibleText } from '@gitlore/core'
import type { Terminal } from './terminal.js'

/** The one escape sequence gitlore itself writes: back to the start of the line and clear it (progress redraws). */
const lineClear = '\r\x1b[2K'

function visible(text: string): string {
  // A write may start with gitlore's own line clear; every other control character in it came from
  // somewhere else (a path, a server's error, a model's reasoning) and is shown, not obeyed.
  return text.startsWith(lineClear) ? lineClear + visibleText(text.slice(lineClear.length)) : visibleText(text)
}

/**
 * The terminal with everything written to it made visible: no input gitlore reads can recolour,
 * retitle, clear or rewrite the user's terminal through gitlore's output.
 */
export function safeTerminal(terminal: Terminal): Terminal {
  return {
    ...terminal,
    stdout: (text) => terminal.stdout(visible(text)),
    stderr: (text) => terminal.stderr(visible(text)),
  }
}

/**
 * JSON for stdout: `JSON.stringify` leaves C1 controls, bidirectional overrides and the line
 * separators raw; these are escaped too (`\u009b`), so the output is still exactly the data and no
 * terminal acts on it.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  )
}
