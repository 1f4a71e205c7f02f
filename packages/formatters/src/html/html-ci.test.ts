import type { CiStats } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { ciReportInput, ciStats, flakyTestName } from '../__fixtures__/ci-stats.js'
import { realisticReportInput } from '../__fixtures__/report-input.js'
import { HtmlFormatter } from './html-formatter.js'

const page = (ci?: CiStats) =>
  new HtmlFormatter().format(ci === undefined ? realisticReportInput() : ciReportInput(ci)).content

/** The visible text of the part of the page from `id` on, tags dropped and entities decoded. */
function textFrom(html: string, id: string): string {
  return html
    .slice(html.indexOf(`id="${id}"`))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
}

describe('the CI statistics in the HTML report', () => {
  it('come after the git statistics: failure rates, flaky tests with their evidence, red commits and who repairs', () => {
    const html = page(ciStats())
    expect(html.indexOf('id="ci"')).toBeGreaterThan(html.indexOf('Git statistics (supporting evidence)'))
    const text = textFrom(html, 'ci')
    expect(text).toContain('52 workflow runs created in the window (61 attempts, 190 jobs)')
    expect(text).toContain('Failure rate per workflow (2 workflows)')
    expect(text).toContain('7 of 40 runs failed · 18%')
    expect(text).toContain(
      'CI / unit 13% yes 5 of 40 runs failed; 6 more failed and passed on a re-run; the next run passed with no relevant change once',
    )
    expect(text).toContain('2 failing tests, 1 flaky, flaky first')
    expect(text).toContain(`${flakyTestName} CI / unit flaky failed in 7 of 40 runs; re-running passed 6 of 7`)
    expect(text).toContain('What turns main red')
    expect(text).toContain(
      'Time to green: median 17.2 h, 90th percentile 17.2 h over 1 red period that ended; 1 still red.',
    )
    expect(text).toContain(
      '3333333 Speed up tokenizer src/parser.py , src/util.py and 1 more CI test/test_parser.py::test_parse_empty green after 17.2 h (Cy Okafor (cy@acme.dev))',
    )
    expect(text).toContain('8888888 Bump numpy requirements.txt CI test/test_ops.py::test_conv2d still red')
    expect(html).toContain(
      '<a href="https://github.com/acme/widgets/commit/3333333333333333333333333333333333333333" rel="noreferrer noopener"><code>3333333</code></a>',
    )
    expect(html).toContain(
      '<a href="https://github.com/acme/widgets/actions/runs/1001" rel="noreferrer noopener">CI</a>',
    )
    expect(text).toContain('Cy Okafor (cy@acme.dev) 1 red period')
  })

  it('without CI history has no CI section and says nothing of CI', () => {
    const html = page()
    expect(html).not.toContain('id="ci"')
    expect(textFrom(html, 'change')).not.toMatch(/\bCI\b|GitHub Actions|workflow/)
  })

  it('states totals before the cap, never the length of a capped list', () => {
    const stats = ciStats()
    const tests = Array.from({ length: 30 }, (_, index) => ({ ...stats.tests[0]!, test: `t::case_${index}` }))
    const text = textFrom(page({ ...stats, tests, totals: { ...stats.totals!, tests: 150, flakyTests: 120 } }), 'ci')
    expect(text).toContain('10 of 150 failing tests, 120 flaky')
    const { totals: _totals, ...withoutTotals } = { ...stats, tests }
    expect(textFrom(page(withoutTotals), 'ci')).toContain('the first 10 failing tests, flaky first')
  })
})
