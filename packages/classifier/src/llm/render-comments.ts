import { type ReviewComment, sha256 } from '@gitlore/core'
import type { ClassifierPrompts } from './classifier-prompts.js'

const escapeText = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const escapeAttribute = (text: string): string => escapeText(text).replaceAll('"', '&quot;')

/** A comment as the prompt shows it, without its batch id, and the hash that keys its cached answer. */
export interface RenderedComment {
  /** Attributes and body of the `<comment>` element, without the id. */
  readonly attributes: string
  readonly body: string
  /** Hash of what the model sees of this comment. */
  readonly bodyHash: string
}

/** Renders a comment's path and text (cut at `maxChars`), escaped for the XML the prompt uses. */
export function renderComment(comment: ReviewComment, maxChars: number): RenderedComment {
  const text = comment.body.length > maxChars ? `${comment.body.slice(0, maxChars)}…` : comment.body
  const attributes = comment.path === undefined ? '' : ` path="${escapeAttribute(comment.path)}"`
  const body = escapeText(text.trim())
  return { attributes, body, bodyHash: sha256(`${attributes}\0${body}`) }
}

/** The user message for one batch; each comment is shown under its short batch id. */
export function renderUserPrompt(
  prompts: ClassifierPrompts,
  batch: readonly { readonly id: string; readonly rendered: RenderedComment }[],
): string {
  const comments = [
    '<comments>',
    ...batch.map(({ id, rendered }) => `<comment id="${id}"${rendered.attributes}>\n${rendered.body}\n</comment>`),
    '</comments>',
  ].join('\n')
  // Replacer functions: comment text may hold `$&`-style patterns that a replacement string would expand.
  return prompts.user.replaceAll('{{count}}', () => String(batch.length)).replaceAll('{{comments}}', () => comments)
}
