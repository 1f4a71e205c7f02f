import type { CouplingPair } from '@gitlore/core'
import { integer, shorten } from '../shared/plain-text.js'
import type { SafeHtml } from './html-template.js'
import { html } from './html-template.js'

/** One row of a bar chart. */
export interface Bar {
  /** Shown left of the bar, shortened when long (the full text is in the row's tooltip). */
  readonly label: string
  /** Length of the main bar. */
  readonly value: number
  /** Length of a thinner second bar under the main one, scaled on its own. */
  readonly secondary?: number
  /** Shown right of the bars, e.g. `12 commits · 1,234 lines`. */
  readonly detail: string
  /** Marks a row that needs attention (drawn in the warning colour). */
  readonly warn?: boolean
}

/** A horizontal bar chart. */
export interface BarChart {
  /** Unique in the page; names the caption the chart is labelled by. */
  readonly id: string
  readonly caption: string
  readonly bars: readonly Bar[]
  /** The value of a full-length bar (default: the largest value). */
  readonly maximum?: number
  /** Legend entries for the main and the second bar. */
  readonly legend?: readonly [string, string]
}

const labelWidth = 230
const barStart = labelWidth + 10
const barSpace = 300
const labelLength = 34
// Wide enough for the text right of the bars at the chart's font size (12px, about 7px a character).
const characterWidth = 7

function scale(value: number, maximum: number): number {
  if (maximum <= 0 || value <= 0) return 0
  return Math.max(2, (value / maximum) * barSpace)
}

/** A bar chart as inline SVG, labelled by its caption, one tooltip per row. */
export function barChart(chart: BarChart): SafeHtml {
  const maximum = chart.maximum ?? Math.max(0, ...chart.bars.map((bar) => bar.value))
  const secondaryMaximum = Math.max(0, ...chart.bars.map((bar) => bar.secondary ?? 0))
  const hasSecondary = chart.bars.some((bar) => bar.secondary !== undefined)
  const rowHeight = hasSecondary ? 30 : 24
  const top = chart.legend === undefined ? 4 : 26
  const height = top + chart.bars.length * rowHeight + 4
  const longestDetail = Math.max(0, ...chart.bars.map((bar) => [...bar.detail].length))
  const width = Math.max(barStart + 320, barStart + barSpace + 8 + longestDetail * characterWidth + 10)
  const rows = chart.bars.map((bar, index) => {
    const y = top + index * rowHeight
    const main = scale(bar.value, maximum)
    const second = bar.secondary === undefined ? null : scale(bar.secondary, secondaryMaximum)
    const end = barStart + Math.max(main, second ?? 0) + 8
    return html`<g class="row${bar.warn === true ? ' warn' : ''}"><title>${bar.label}: ${bar.detail}</title>
<text class="label" x="${labelWidth}" y="${y + 15}" text-anchor="end">${shorten(bar.label, labelLength)}</text>
<rect class="bar" x="${barStart}" y="${y + 3}" width="${main}" height="14" rx="2"></rect>
${second === null ? '' : html`<rect class="bar secondary" x="${barStart}" y="${y + 19}" width="${second}" height="6" rx="1"></rect>`}
<text class="value" x="${end}" y="${y + 15}">${bar.detail}</text></g>`
  })
  const legend =
    chart.legend === undefined
      ? ''
      : html`<g class="legend"><rect class="bar" x="${barStart}" y="4" width="12" height="12" rx="2"></rect>
<text x="${barStart + 18}" y="14">${chart.legend[0]}</text>
<rect class="bar secondary" x="${barStart + 150}" y="7" width="12" height="6" rx="1"></rect>
<text x="${barStart + 168}" y="14">${chart.legend[1]}</text></g>`
  return html`<figure class="chart">
<figcaption id="${chart.id}">${chart.caption}</figcaption>
<svg class="bar-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${chart.id}">
${legend}${rows}
</svg>
</figure>`
}

const cell = 40
const matrixLabelWidth = 300

/** The files of the strongest pairs, strongest first, at most `limit` of them. */
function matrixFiles(pairs: readonly CouplingPair[], limit: number): string[] {
  const files: string[] = []
  for (const pair of pairs) {
    for (const file of [pair.a, pair.b]) {
      if (!files.includes(file) && files.length < limit) files.push(file)
    }
  }
  return files
}

/**
 * The strongest coupling pairs as a matrix: rows name the files, numbered; a cell's shade is the
 * pair's degree and its number the commits they share.
 */
export function couplingMatrix(id: string, caption: string, pairs: readonly CouplingPair[], limit = 8): SafeHtml {
  const files = matrixFiles(pairs, limit)
  const byFiles = new Map(pairs.map((pair) => [`${pair.a}\u0000${pair.b}`, pair]))
  const find = (a: string, b: string) => byFiles.get(`${a}\u0000${b}`) ?? byFiles.get(`${b}\u0000${a}`)
  const top = 24
  const height = top + files.length * cell + 4
  const matrixWidth = matrixLabelWidth + 10 + files.length * cell + 4
  const headers = files.map(
    (_, column) =>
      html`<text class="label" x="${matrixLabelWidth + 10 + column * cell + cell / 2}" y="16" text-anchor="middle">${column + 1}</text>`,
  )
  const rows = files.map((file, row) => {
    const y = top + row * cell
    const cells = files.map((other, column) => {
      const x = matrixLabelWidth + 10 + column * cell
      const pair = row === column ? undefined : find(file, other)
      if (pair === undefined) {
        return html`<rect class="cell empty" x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}"></rect>`
      }
      return html`<g class="pair"><title>${file} and ${other}: ${integer(pair.shared)} shared commits, degree ${pair.degree.toFixed(2)}</title>
<rect class="cell" x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill-opacity="${0.2 + 0.8 * Math.min(1, pair.degree)}"></rect>
<text class="cell-value" x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle">${integer(pair.shared)}</text></g>`
    })
    return html`<g><title>${row + 1}: ${file}</title><text class="label" x="${matrixLabelWidth}" y="${y + cell / 2 + 4}" text-anchor="end">${shorten(file, 40)} ${row + 1}</text></g>${cells}`
  })
  return html`<figure class="chart">
<figcaption id="${id}">${caption}</figcaption>
<svg class="matrix" viewBox="0 0 ${matrixWidth} ${height}" width="${matrixWidth}" height="${height}" role="img" aria-labelledby="${id}">
${headers}${rows}
</svg>
</figure>`
}
