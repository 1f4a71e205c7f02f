import { quoteExcerpt } from '@gitlore/core'
import type { QuotedComment, ReportInput } from '../formatter.js'
import { count, integer, percent } from '../shared/plain-text.js'
import { isWebAddress } from '../shared/report-facts.js'
import { categoryName, resolvedText, reviewersByLoad, reviewView, type ThemeView } from '../shared/review-themes.js'
import { codeSpan, escapeInline, table } from './markdown-text.js'

const themesShown = 12
const filesShown = 4
const categoriesShown = 3
const quoteLength = 160
const reviewersShown = 10
const areasShown = 10
const areaReviewersShown = 3

/** A quote as a markdown list item: the excerpt in quotation marks, its author and a link. */
function quoteLine(quote: QuotedComment): string {
  const where = quote.path === undefined ? '' : ` on ${codeSpan(quote.path)}`
  const link = isWebAddress(quote.url) ? `<${quote.url}>` : ''
  return `  - “${escapeInline(quoteExcerpt(quote.body, quoteLength))}” (${escapeInline(quote.author)} in #${quote.prNumber}${where}) ${link}`.trimEnd()
}

function themeMarkdown(theme: ThemeView, index: number): string {
  const facts = [
    `${count(theme.size, 'comment')} in ${count(theme.pullRequests, 'pull request')}`,
    ...(resolvedText(theme) === null ? [] : [resolvedText(theme)]),
  ]
  const categories = theme.categories
    .slice(0, categoriesShown)
    .map(([category, members]) => `${categoryName(category)} ${integer(members)}`)
  const files = theme.files.slice(0, filesShown).map(codeSpan).join(', ')
  const moreFiles = theme.files.length - filesShown
  const lines = [
    `### ${index + 1}. ${escapeInline(theme.label)}`,
    '',
    `- ${facts.join(', ')}${categories.length === 0 ? '' : `; ${categories.join(', ')}`}`,
  ]
  if (files !== '') lines.push(`- Files: ${files}${moreFiles > 0 ? ` and ${integer(moreFiles)} more` : ''}`)
  if (theme.quotes.length > 0) lines.push('- Reviewers said:', ...theme.quotes.map(quoteLine))
  return lines.join('\n')
}

function themesMarkdown(input: ReportInput): string {
  const { themes, praiseThemes } = reviewView(input)
  const heading = '## What reviewers keep asking for'
  const praise = praiseThemes === 0 ? '' : ` ${count(praiseThemes, 'theme')} of praise, thanks or approval not shown.`
  if (themes.length === 0) {
    return `${heading}\n\nNo recurring review themes in this window.${praise}`
  }
  const clustered = themes.reduce((sum, theme) => sum + theme.size, 0)
  const lead =
    `${count(themes.length, 'recurring theme')} covering ${count(clustered, 'review comment')}, largest first.` +
    `${praise}${themes.length > themesShown ? ` The first ${themesShown} are shown.` : ''}`
  return [heading, lead, ...themes.slice(0, themesShown).map(themeMarkdown)].join('\n\n')
}

function loadMarkdown(input: ReportInput): string {
  const reviewers = reviewersByLoad(input)
  const parts = ['## Review load']
  if (reviewers.length === 0) parts.push('No reviews in this window.')
  else {
    const total = reviewers.reduce((sum, reviewer) => sum + reviewer.comments, 0)
    parts.push(
      table(
        ['Reviewer', 'Reviews', 'Comments', 'Share of comments'],
        reviewers
          .slice(0, reviewersShown)
          .map((reviewer) => [
            escapeInline(reviewer.login),
            integer(reviewer.reviews),
            integer(reviewer.comments),
            total === 0 ? '0%' : percent(reviewer.comments / total),
          ]),
        [1, 2, 3],
      ),
    )
    if (reviewers.length > reviewersShown) parts.push(`(${integer(reviewers.length - reviewersShown)} more reviewers)`)
  }
  const areas = input.reviews?.areas ?? []
  if (areas.length > 0) {
    parts.push(
      '### Who reviews which area',
      table(
        ['Area', 'Comments', 'Reviewers'],
        areas.slice(0, areasShown).map((area) => {
          const shown = area.reviewers
            .slice(0, areaReviewersShown)
            .map((reviewer) => `${escapeInline(reviewer.login)} ${integer(reviewer.comments)}`)
          const more = area.reviewers.length - areaReviewersShown
          return [codeSpan(area.path), integer(area.comments), `${shown.join(', ')}${more > 0 ? `, ${more} more` : ''}`]
        }),
        [1],
      ),
    )
  }
  return parts.join('\n\n')
}

/** The review part of the report, first after the header: themes with quotes, then who reviews what. */
export function reviewsMarkdown(input: ReportInput): string | null {
  if (input.reviews === undefined && (input.clusters ?? []).length === 0) return null
  return [themesMarkdown(input), loadMarkdown(input)].join('\n\n')
}
