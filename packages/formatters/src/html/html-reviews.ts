import { quoteExcerpt } from '@gitlore/core'
import type { QuotedComment, ReportInput } from '../formatter.js'
import { count, integer } from '../shared/plain-text.js'
import { categoryName, resolvedText, reviewersByLoad, reviewView, type ThemeView } from '../shared/review-themes.js'
import { barChart } from './html-charts.js'
import type { HtmlValue, SafeHtml } from './html-template.js'
import { html, inlineText, link } from './html-template.js'

const themesShown = 12
const filesShown = 4
const quoteLength = 200
const reviewersShown = 10
const areasShown = 10
const areaReviewersShown = 3

function quoteItem(quote: QuotedComment): SafeHtml {
  const where = quote.path === undefined ? '' : html` on <code>${quote.path}</code>`
  return html`<li><blockquote>${inlineText(quoteExcerpt(quote.body, quoteLength))}</blockquote>
<p class="attribution">${quote.author} in ${link(quote.url, `#${quote.prNumber}`)}${where}</p></li>`
}

function themeCard(theme: ThemeView, index: number): SafeHtml {
  const files = theme.files.slice(0, filesShown)
  const moreFiles = theme.files.length - files.length
  const resolvedLine = resolvedText(theme)
  const resolved = resolvedLine === null ? '' : html` · <span>${resolvedLine}</span>`
  return html`<article class="theme">
<header><span class="theme-rank">${index + 1}</span><h3>${theme.label}</h3></header>
<p class="theme-facts"><strong>${count(theme.size, 'comment')}</strong> in ${count(theme.pullRequests, 'pull request')}${resolved}</p>
${theme.categories.length === 0 ? '' : html`<p class="theme-categories">${theme.categories.slice(0, 3).map(([category, members]) => html`<span class="badge category">${categoryName(category)} ${integer(members)}</span> `)}</p>`}
${files.length === 0 ? '' : html`<p class="files">Files: ${files.map((file, position) => html`${position > 0 ? ', ' : ''}<code>${file}</code>`)}${moreFiles > 0 ? ` and ${integer(moreFiles)} more` : ''}</p>`}
${theme.quotes.length === 0 ? '' : html`<ul class="quotes">${theme.quotes.map(quoteItem)}</ul>`}
</article>`
}

function loadChart(input: ReportInput): HtmlValue {
  const reviewers = reviewersByLoad(input).slice(0, reviewersShown)
  if (reviewers.length === 0) return null
  return barChart({
    id: 'chart-review-load',
    caption: 'Review load: reviews submitted and review comments written per person',
    legend: ['reviews', 'comments'],
    bars: reviewers.map((reviewer) => ({
      label: reviewer.login,
      value: reviewer.reviews,
      secondary: reviewer.comments,
      detail: `${count(reviewer.reviews, 'review')} · ${count(reviewer.comments, 'comment')}`,
    })),
  })
}

function areasTable(input: ReportInput): HtmlValue {
  const areas = (input.reviews?.areas ?? []).slice(0, areasShown)
  if (areas.length === 0) return null
  const rows = areas.map((area) => {
    const more = area.reviewers.length - areaReviewersShown
    const reviewers = area.reviewers
      .slice(0, areaReviewersShown)
      .map((reviewer) => `${reviewer.login} ${integer(reviewer.comments)}`)
      .join(', ')
    return html`<tr><td><code>${area.path}</code></td><td class="number">${integer(area.comments)}</td><td>${reviewers}${more > 0 ? `, ${more} more` : ''}</td></tr>`
  })
  return html`<table class="areas"><caption>Who reviews which area: comments on its files per reviewer</caption>
<thead><tr><th scope="col">Area</th><th scope="col" class="number">Comments</th><th scope="col">Reviewers</th></tr></thead>
<tbody>${rows}</tbody></table>`
}

/** The review part of the page, first after the header: theme cards with quotes, then review load. */
export function reviewsSection(input: ReportInput): SafeHtml | null {
  if (input.reviews === undefined && (input.clusters ?? []).length === 0) return null
  const { themes, praiseThemes } = reviewView(input)
  const clustered = themes.reduce((sum, theme) => sum + theme.size, 0)
  const praise = praiseThemes === 0 ? '' : ` ${count(praiseThemes, 'theme')} of praise, thanks or approval not shown.`
  const lead =
    themes.length === 0
      ? `No recurring review themes in this window.${praise}`
      : `${count(themes.length, 'recurring theme')} covering ${count(clustered, 'review comment')}, largest first.${praise}`
  const load = [loadChart(input), areasTable(input)].filter((part) => part !== null)
  return html`<section id="reviews">
<h2>What reviewers keep asking for</h2>
<p class="lead">${lead}</p>
${themes.length === 0 ? '' : html`<div class="themes">${themes.slice(0, themesShown).map(themeCard)}</div>`}
<h2 id="review-load">Review load</h2>
${load.length === 0 ? html`<p class="empty">No reviews in this window.</p>` : html`<div class="charts">${load}</div>`}
</section>`
}
