/** A finding as the model wrote it, before validation: every field may be missing or wrong. */
export interface FindingCandidate {
  readonly title: string | undefined
  readonly category: string | undefined
  readonly severity: string | undefined
  readonly insight: string | undefined
  readonly evidence: readonly { readonly source: string | undefined; readonly text: string; readonly ref?: string }[]
  readonly files: readonly string[]
  /** True when the element was never closed (the answer was cut off inside it). */
  readonly unterminated: boolean
}

/** What an answer held. */
export interface ParsedAnswer {
  /** True when the answer contains a `<findings>` or `<finding>` element at all. */
  readonly hasFindingsElement: boolean
  readonly candidates: readonly FindingCandidate[]
}

const attributePattern = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))/g
const findingOpening = /<finding(?![\w-])((?:[^<>"']|"[^"]*"|'[^']*')*?)(\/?)>/gi
const evidencePattern =
  /<evidence(?![\w-])((?:[^<>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)(?:<\/evidence\s*>|(?=<evidence(?![\w-]))|$))/gi

/** Entity and CDATA decoding, then whitespace collapsed: the model's XML text as plain text. */
export function decodeText(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, (_, inner: string) =>
      inner.replaceAll('&', '&amp;').replaceAll('<', '&lt;'),
    )
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (match, hex: string) => safeCodePoint(Number.parseInt(hex, 16)) ?? match)
    .replace(/&#(\d+);/g, (match, decimal: string) => safeCodePoint(Number.parseInt(decimal, 10)) ?? match)
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim()
}

function safeCodePoint(value: number): string | undefined {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const match of text.matchAll(attributePattern)) {
    attributes.set((match[1] ?? '').toLowerCase(), decodeText(match[2] ?? match[3] ?? match[4] ?? ''))
  }
  return attributes
}

/** The text of the first `<name>` child, or undefined when there is none (or it was never closed). */
function child(content: string, ...names: readonly string[]): string | undefined {
  for (const name of names) {
    const match = new RegExp(`<${name}(?![\\w-])[^>]*>([\\s\\S]*?)</${name}\\s*>`, 'i').exec(content)
    if (match !== null) return decodeText(match[1] ?? '')
  }
  return undefined
}

function readEvidence(content: string): FindingCandidate['evidence'] {
  const evidence: { source: string | undefined; text: string; ref?: string }[] = []
  for (const match of content.matchAll(evidencePattern)) {
    const attributes = attributesOf(match[1] ?? '')
    const inner = match[2] ?? ''
    const ref = attributes.get('ref') ?? child(inner, 'ref')
    const text =
      attributes.get('text') ??
      child(inner, 'text') ??
      decodeText(inner.replace(/<(ref|source)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ''))
    evidence.push({
      source: attributes.get('source') ?? child(inner, 'source'),
      text,
      ...(ref === undefined || ref === '' ? {} : { ref }),
    })
  }
  return evidence
}

function readFiles(content: string): string[] {
  const files = [...content.matchAll(/<file(?![\w-])[^>]*>([\s\S]*?)<\/file\s*>/gi)].map((match) =>
    decodeText(match[1] ?? ''),
  )
  if (files.length === 0) {
    const list = child(content, 'files')
    if (list !== undefined) files.push(...list.split(/[,\s]+/))
  }
  return files.filter((file) => file !== '')
}

/**
 * Reads the model's answer tolerantly: the `<findings>` element wherever it is (code fences, prose
 * around it), attributes or child elements for category and severity, `<evidence>` with its text
 * inline or in `<text>`, and a tail cut off mid-finding (marked `unterminated`). Validation is
 * separate and strict.
 */
export function parseFindings(answer: string): ParsedAnswer {
  const start = answer.search(/<findings(?![\w-])/i)
  const region = start === -1 ? answer : answer.slice(start)
  const end = region.search(/<\/findings\s*>/i)
  const body = end === -1 ? region : region.slice(0, end)
  const openings = [...body.matchAll(findingOpening)]
  const candidates = openings.map((match, index): FindingCandidate => {
    const attributes = attributesOf(match[1] ?? '')
    const contentStart = (match.index ?? 0) + match[0].length
    const next = openings[index + 1]?.index ?? body.length
    const closing = body.slice(contentStart, next).search(/<\/finding\s*>/i)
    const content = match[2] === '/' ? '' : body.slice(contentStart, closing === -1 ? next : contentStart + closing)
    return {
      title: attributes.get('title') ?? child(content, 'title'),
      category: attributes.get('category') ?? child(content, 'category'),
      severity: attributes.get('severity') ?? child(content, 'severity'),
      insight: attributes.get('insight') ?? child(content, 'insight', 'description', 'summary'),
      evidence: readEvidence(content),
      files: readFiles(content),
      unterminated: match[2] !== '/' && closing === -1,
    }
  })
  return { hasFindingsElement: start !== -1 || openings.length > 0, candidates }
}
