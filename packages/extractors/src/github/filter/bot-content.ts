const table = /^\s*\|.*\|\s*$/m
const hiddenMarker =
  /<!--[^>]*?(?:bot|generated|automat|sticky|codecov|coverage|netlify|vercel|changeset|deploy|preview|size|report|comment-id|marker|cla\b|sonar)[^>]*?-->/i
const coverage = /\b(?:coverage|codecov|coveralls)\b/i
const coverageVerdict = /\bcoverage (?:increased|decreased|remained|Δ|delta)/i
const sizeReport = /\b(?:bundle[- ]?size|size[- ]limit|size report|size change|bundle (?:report|stats))\b/i
const staleNotice =
  /\b(?:has been|was) (?:automatically )?marked as stale\b|\bwill be closed (?:in \d+ days )?if no further activity\b|\bclosed (?:due to|because of) (?:in)?activity\b/i
const claNotice =
  /\ball committers have signed the CLA\b|\bplease sign (?:our|the) (?:contributor license agreement|CLA)\b/i
const generated =
  /^\s*(?:this (?:comment|pull request|pr|review) (?:was|is) (?:automatically )?generated\b|deploy preview for \S+ (?:is )?ready)/im

/**
 * Whether a comment's text is a bot's, whoever posted it: hidden bot markers (`<!-- ... -->` naming a
 * tool), coverage and size reports (with their tables), stale notices, CLA notices, generated notes.
 */
export function isBotContent(body: string): boolean {
  if (hiddenMarker.test(body) || staleNotice.test(body) || claNotice.test(body) || generated.test(body)) return true
  if (coverageVerdict.test(body)) return true
  return table.test(body) && (coverage.test(body) || sizeReport.test(body))
}
