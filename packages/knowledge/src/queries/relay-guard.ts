import { assistantDirective, visibleText } from '@gitlore/core'
import type { CommentKnowledge } from '../knowledge-model.js'
import type { BriefItem } from './brief-item.js'

/**
 * One line of repository text (a path, an author's name, a commit subject, a quote) as an answer
 * shows it: control characters, escape sequences and reordering characters become visible
 * stand-ins (`␛]0;pwned␇`, `␊`), so no answer can drive a terminal or forge a line of its own.
 */
export function shownText(text: string): string {
  return visibleText(text, { multiline: false })
}

/** True when none of the texts addresses AI assistants (see `assistantDirective` in `@gitlore/core`). */
export function relayable(...texts: readonly (string | null | undefined)[]): boolean {
  return texts.every((text) => text === null || text === undefined || assistantDirective(text) === null)
}

/**
 * A brief item as it may leave the knowledge base, or null when any of its text (gitlore's
 * sentence, which embeds paths, names and subjects; the quote; a reference; a file) addresses AI
 * assistants. The index is built from a repository and review data that are untrusted, and may be
 * read from a shared cache that someone else wrote, so this is checked on the way out, whatever the
 * build did.
 */
export function safeItem<T extends BriefItem>(item: T): T | null {
  const refs = item.provenance.map((provenance) => provenance.ref)
  if (!relayable(item.text, item.quote, ...refs, ...item.files)) return null
  return {
    ...item,
    text: shownText(item.text),
    ...(item.quote === undefined ? {} : { quote: shownText(item.quote) }),
    provenance: item.provenance.map((provenance) => ({ ...provenance, ref: shownText(provenance.ref) })),
    files: item.files.map(shownText),
  }
}

/** A review comment as it may leave the knowledge base, or null (see `safeItem`). */
export function safeComment(comment: CommentKnowledge): CommentKnowledge | null {
  if (!relayable(comment.author, comment.path, comment.quote, comment.url)) return null
  return {
    ...comment,
    author: shownText(comment.author),
    path: comment.path === null ? null : shownText(comment.path),
    quote: comment.quote === null ? null : shownText(comment.quote),
    url: shownText(comment.url),
  }
}

/** Counts what one answer left out while it filters items, comments and plain texts. */
export interface RelayGuard {
  items<T extends BriefItem>(items: readonly T[]): T[]
  comments(comments: readonly CommentKnowledge[]): CommentKnowledge[]
  /** Texts (paths, labels) that may be shown, made visible; the rest left out. */
  texts(texts: readonly string[]): string[]
  /** Entries whose named texts may all be shown; the rest left out. */
  where<T>(entries: readonly T[], texts: (entry: T) => readonly (string | null | undefined)[]): T[]
  /** How many things were left out because they address AI assistants. */
  readonly withheld: number
}

/** A guard for one answer. */
export function createRelayGuard(): RelayGuard {
  let withheld = 0
  const keep = <T, U>(entries: readonly T[], safe: (entry: T) => U | null): U[] =>
    entries.flatMap((entry) => {
      const kept = safe(entry)
      if (kept === null) withheld++
      return kept === null ? [] : [kept]
    })
  return {
    items: (items) => keep(items, safeItem),
    comments: (comments) => keep(comments, safeComment),
    texts: (texts) => keep(texts, (text) => (relayable(text) ? shownText(text) : null)),
    where: (entries, texts) => keep(entries, (entry) => (relayable(...texts(entry)) ? entry : null)),
    get withheld() {
      return withheld
    },
  }
}
