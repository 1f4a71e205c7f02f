import type { CommentCategory } from '@gitlore/core'
import { normalizeCategory } from './normalize-category.js'

/** The model's valid answer for one comment. */
export interface ParsedClassification {
  readonly categories: readonly CommentCategory[]
  readonly confidence: number
}

/** What a batch answer held: valid answers by id, and why each other expected id has none. */
export interface ParsedAnswer {
  readonly answers: ReadonlyMap<string, ParsedClassification>
  /** Reasons for expected ids without a valid answer. */
  readonly problems: ReadonlyMap<string, string>
}

// The opening tag of an element per comment, under the names models tend to use.
const openingPattern = /<(c|comment|classification|item)\b((?:[^<>"']|"[^"]*"|'[^']*')*?)(\/?)>/gi
const attributePattern = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))/g
const childPattern = (name: string): RegExp => new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}\\s*>`, 'gi')

const decode = (text: string): string =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
    .trim()

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const match of text.matchAll(attributePattern)) {
    attributes.set(match[1]!.toLowerCase(), decode(match[2] ?? match[3] ?? match[4] ?? ''))
  }
  return attributes
}

const childTexts = (content: string, name: string): string[] =>
  [...content.matchAll(childPattern(name))].map((match) => decode(match[1] ?? ''))

const confidenceWords: Readonly<Record<string, number>> = { high: 0.9, medium: 0.6, low: 0.3 }

/** A confidence as models write it: 0.8, 80%, 80 (out of 100), or high / medium / low. */
function parseConfidence(text: string | undefined): number | null {
  if (text === undefined || text === '') return null
  const word = confidenceWords[text.toLowerCase()]
  if (word !== undefined) return word
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(%?)$/.exec(text)
  if (match === null) return null
  const value = Number(match[1])
  const scaled = match[2] === '%' || (value > 1 && value <= 100) ? value / 100 : value
  return scaled >= 0 && scaled <= 1 ? scaled : null
}

const normalizeId = (id: string): string => id.trim().replace(/^#/, '')

function readEntry(
  attributes: Map<string, string>,
  content: string,
): { id: string; result: ParsedClassification | string } | null {
  const id = attributes.get('id') ?? childTexts(content, 'id')[0]
  if (id === undefined) return null
  const listed = [
    ...(attributes.get('categories') ?? attributes.get('category') ?? '').split(/[,;|]/),
    ...childTexts(content, 'categories').flatMap((text) => text.split(/[,;|\n]/)),
    ...childTexts(content, 'category'),
  ]
    .map((name) => name.trim())
    .filter((name) => name !== '')
  const categories: CommentCategory[] = []
  const unknown: string[] = []
  for (const name of listed) {
    const category = normalizeCategory(name)
    if (category === null) unknown.push(name)
    else if (!categories.includes(category)) categories.push(category)
  }
  if (categories.length === 0) {
    const reason = unknown.length > 0 ? `unknown categories: ${unknown.join(', ')}` : 'no categories given'
    return { id: normalizeId(id), result: reason }
  }
  const confidenceText = attributes.get('confidence') ?? childTexts(content, 'confidence')[0]
  const confidence = parseConfidence(confidenceText)
  if (confidence === null) {
    const reason = confidenceText === undefined ? 'no confidence given' : `invalid confidence "${confidenceText}"`
    return { id: normalizeId(id), result: reason }
  }
  return { id: normalizeId(id), result: { categories, confidence } }
}

/**
 * Reads a batch answer tolerantly: the elements are found wherever they are (code fences, prose around
 * them, a truncated tail), category names are normalised, unknown ones dropped. An expected id that is
 * missing, or whose entry has no known category or no valid confidence, gets a problem instead.
 */
export function parseClassifications(text: string, expectedIds: readonly string[]): ParsedAnswer {
  const expected = new Set(expectedIds)
  const answers = new Map<string, ParsedClassification>()
  const problems = new Map<string, string>()
  const openings = [...text.matchAll(openingPattern)]
  for (const [index, match] of openings.entries()) {
    // Content runs to the closing tag, or to the next entry when a model leaves the element open.
    const start = match.index + match[0].length
    const next = openings[index + 1]?.index ?? text.length
    const closing = text.slice(start, next).search(new RegExp(`</${match[1]}\\s*>`, 'i'))
    const content = match[3] === '/' ? '' : text.slice(start, closing === -1 ? next : start + closing)
    const entry = readEntry(attributesOf(match[2] ?? ''), content)
    if (entry === null || !expected.has(entry.id) || answers.has(entry.id)) continue
    if (typeof entry.result === 'string') {
      problems.set(entry.id, entry.result)
    } else {
      answers.set(entry.id, entry.result)
      problems.delete(entry.id)
    }
  }
  for (const id of expectedIds) {
    if (!answers.has(id) && !problems.has(id)) problems.set(id, 'no answer for this comment')
  }
  return { answers, problems }
}
