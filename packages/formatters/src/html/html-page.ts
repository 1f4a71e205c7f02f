import { reportStyles } from './html-styles.js'
import { type HtmlValue, html, SafeHtml } from './html-template.js'

/**
 * Loads nothing and runs nothing, even if some text slipped through unescaped: no scripts, no
 * network, styles only from the page itself, images only as data URLs.
 */
export const reportContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/** A whole standalone page of gitlore's: the report's head (policy, styles, light and dark) around `body`. */
export function standalonePage(options: {
  readonly title: string
  readonly extraStyles?: string
  readonly body: HtmlValue
}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportContentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="gitlore">
<title>${options.title}</title>
<style>
${new SafeHtml(reportStyles())}${new SafeHtml(options.extraStyles ?? '')}</style>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`.markup
}
