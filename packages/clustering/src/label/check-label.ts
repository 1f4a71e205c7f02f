import { extractTerms } from '../offline/extract-terms.js'

/** Why a proposed theme label was not used. */
export type LabelRejection = 'empty' | 'markup' | 'error' | 'length' | 'unrelated' | 'repeated'

/** What a label is checked against. */
export interface LabelCheck {
  /** The theme's top terms. */
  readonly topTerms: readonly string[]
  /** The bodies of the theme's representative comments. */
  readonly samples: readonly string[]
  /** Labels already given to other themes (compared without case or punctuation). */
  readonly taken: ReadonlySet<string>
}

const maximumWords = 12
const maximumLength = 90

// Markup of any kind: tags, code fences, markdown headings, links, tables, list markers.
const markup = /<\/?[A-Za-z!?][^>]*>|```|^#{1,6}\s|\]\(|\|.*\||^\s*[-*+]\s|^\s*\d+\.\s|[{}]/m
// A model that answers with an apology, a refusal or an error message instead of a name.
const errorSentence = new RegExp(
  [
    String.raw`^\s*(error|exception|warning|fatal)\b\s*[:\-]`,
    String.raw`\b(sorry|apologi[sz]e|unable to|i can(no|')t|i could(n't| not)|as an ai|language model|i'm an ai|i am an ai)\b`,
    String.raw`\b(an error (has )?occurred|something went wrong|internal server error|rate limit(ed)?|too many requests|request (timed out|failed)|failed to (generate|process|label|name|parse))\b`,
    String.raw`\b(not enough (information|context)|provide more (information|context|comments))\b`,
  ].join('|'),
  'i',
)

/** The form labels are compared in: lower case, letters and digits, single spaces. */
export function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function stems(text: string): Set<string> {
  return new Set(extractTerms(text).map((term) => term.stem))
}

/**
 * Checks a label proposed for a theme (by a model) before it is used: one short line of plain words, not
 * markup, not an error or refusal sentence, sharing at least one word with the theme's top terms or its
 * representative comments, and not the label of another theme. Returns the label cleaned (quotes and a
 * trailing full stop removed) or why it was rejected.
 */
export function checkLabel(
  proposed: string | undefined,
  check: LabelCheck,
): { readonly label: string } | { readonly rejected: LabelRejection } {
  const line = (proposed ?? '')
    .trim()
    .split('\n')[0]!
    .replace(/^\s*(label|theme|name)\s*:\s*/i, '')
    .replace(/^["'“”‘’`*_\s]+|["'“”‘’`*_.\s]+$/g, '')
    .replace(/\s+/g, ' ')
  if (line === '') return { rejected: 'empty' }
  if (markup.test(line) || /[<>]/.test(line)) return { rejected: 'markup' }
  if (errorSentence.test(line)) return { rejected: 'error' }
  if (line.length > maximumLength || line.split(' ').length > maximumWords || line.length < 4) {
    return { rejected: 'length' }
  }
  const own = stems(line)
  const theme = stems([...check.topTerms, ...check.samples].join('\n'))
  if (![...own].some((stem) => theme.has(stem))) return { rejected: 'unrelated' }
  if (check.taken.has(labelKey(line))) return { rejected: 'repeated' }
  return { label: line }
}
