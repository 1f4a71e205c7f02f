import { isWebAddress } from '../shared/report-facts.js'

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text for HTML element content and quoted attribute values alike. The report builds
 * every piece of markup with the `html` tag below, which passes each interpolated string
 * through this function, so no text from a repository or a model can become markup.
 */
export function escapeHtml(text: string): string {
  // Control characters other than tab and line breaks are shown as U+FFFD, as browsers would.
  return text.replace(
    /[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g,
    (character) => entities[character] ?? '\uFFFD',
  )
}

/** Markup built by the `html` tag: the only kind of value inserted without escaping. */
export class SafeHtml {
  readonly markup: string

  constructor(markup: string) {
    this.markup = markup
  }

  toString(): string {
    return this.markup
  }
}

/** A value an `html` template accepts: text and numbers are escaped, markup and lists of it inserted. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.markup
  if (typeof value === 'number') return escapeHtml(formatNumber(value))
  if (typeof value === 'string') return escapeHtml(value)
  return value.map(render).join('')
}

/** Numbers as SVG coordinates want them: at most two decimals, no `-0`, never NaN. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '0'
  const rounded = Math.round(value * 100) / 100
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** Tagged template for markup: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? ''
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '')
  })
  return new SafeHtml(markup)
}

/**
 * A link when the address is an `http:` or `https:` URL; anything else (a `javascript:` or
 * `data:` ref, a path) is shown as code, never as a link.
 */
export function link(address: string, label: HtmlValue): SafeHtml {
  if (!isWebAddress(address)) return html`<code>${label}</code>`
  return html`<a href="${address}" rel="noreferrer noopener">${label}</a>`
}

/** Plain text with `code spans` shown as code; everything else escaped. */
export function inlineText(text: string): SafeHtml {
  const parts: HtmlValue[] = []
  let last = 0
  for (const match of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
    parts.push(text.slice(last, match.index), html`<code>${match[2]?.trim() ?? ''}</code>`)
    last = match.index + match[0].length
  }
  parts.push(text.slice(last))
  return html`${parts}`
}
