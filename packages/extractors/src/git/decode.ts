import { TextDecoder } from 'node:util'

const utf8 = new TextDecoder('utf-8')
const decoders = new Map<string, TextDecoder>()
/** Labels of true ISO-8859-1, which git's iconv maps byte for byte (WHATWG decoders read them as windows-1252). */
const latin1Labels = /^(iso[-_]?8859-1|latin-?1|l1|cp819|ibm819)$/i

/**
 * Decodes bytes as UTF-8, replacing invalid sequences with U+FFFD; never throws. With a commit's
 * `encoding` header, decodes in that encoding instead, as `git log` re-encodes such commits to
 * UTF-8, falling back to UTF-8 when the label is unknown (git then prints the bytes as they are).
 */
export function decodeLossy(bytes: Uint8Array, encoding?: string): string {
  if (encoding !== undefined && encoding !== '' && latin1Labels.test(encoding.trim())) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
  }
  return decoderFor(encoding).decode(bytes)
}

function decoderFor(encoding: string | undefined): TextDecoder {
  if (encoding === undefined || encoding === '') return utf8
  const label = encoding.trim().toLowerCase()
  if (label === 'utf-8' || label === 'utf8') return utf8
  let decoder = decoders.get(label)
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label)
    } catch {
      decoder = utf8
    }
    decoders.set(label, decoder)
  }
  return decoder
}

/** True when every byte is ASCII, so a latin1 string of the bytes is also their UTF-8 text. */
export function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false
  return true
}
