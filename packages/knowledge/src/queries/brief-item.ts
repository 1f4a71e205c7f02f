import { assistantDirective, quoteExcerpt } from '@gitlore/core'
import { safeItem } from './relay-guard.js'

/** Where an item comes from, so a reader (or an assistant) can check it in one step. */
export interface Provenance {
  /**
   * `pr`: a pull-request (comment) URL; `commit`: a full sha; `path`: a repository path; `finding`: a
   * finding id; `run`: a GitHub Actions run URL.
   */
  readonly kind: 'pr' | 'commit' | 'path' | 'finding' | 'run'
  readonly ref: string
}

/** One thing worth knowing, in gitlore's own words, with where it comes from and when it was last seen. */
export interface BriefItem {
  /** gitlore's sentence. */
  readonly text: string
  /** A reviewer's words: short, markup-free, never text that addresses assistants. */
  readonly quote?: string
  /** At least one reference. */
  readonly provenance: readonly Provenance[]
  /** When the underlying event last happened (ISO 8601); null when unknown. */
  readonly lastSeen: string | null
  /** Which of the asked files it concerns. */
  readonly files: readonly string[]
  /** Relevance, higher first; comparable within a section. */
  readonly score: number
}

/** Weight of an event `date` relative to `asOf`: 1 now, halving every 180 days. */
export function recency(date: string | null, asOf: number): number {
  if (date === null) return 0.5
  const age = Math.max(0, asOf - Date.parse(date)) / 86_400_000
  return 2 ** (-age / 180)
}

/** Text from a model or a repository as gitlore passes it on: one plain line, or null when it addresses assistants. */
export function relayedText(text: string, length: number): string | null {
  if (assistantDirective(text) !== null) return null
  const plain = quoteExcerpt(text, length)
  return plain === '' ? null : plain
}

/** The first seven characters of a sha, as git shows it. */
export function short(sha: string): string {
  return sha.slice(0, 7)
}

/**
 * The best `limit` items, highest score first (then newest, then text), each as it may leave the
 * knowledge base: items whose text addresses AI assistants are left out, control characters made
 * visible (`safeItem`).
 */
export function topItems(items: readonly BriefItem[], limit: number): BriefItem[] {
  return items
    .flatMap((item) => safeItem(item) ?? [])
    .sort(byRelevance)
    .slice(0, limit)
}

function byRelevance(x: BriefItem, y: BriefItem): number {
  if (x.score !== y.score) return y.score - x.score
  const xSeen = x.lastSeen ?? ''
  const ySeen = y.lastSeen ?? ''
  if (xSeen !== ySeen) return xSeen < ySeen ? 1 : -1
  return x.text < y.text ? -1 : x.text > y.text ? 1 : 0
}

/** A pull request's URL from the URL of one of its comments (`.../pull/12#discussion_r3` -> `.../pull/12`). */
export function pullRequestUrl(commentUrl: string): string {
  const match = /^(https?:\/\/[^\s#?]+\/pull\/\d+)/.exec(commentUrl)
  return match?.[1] ?? commentUrl
}
