import type { CiStats } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { brokenTestName, ciReportInput, ciStats, flakyTestName, hostileCiStats } from '../__fixtures__/ci-stats.js'
import { realisticReportInput } from '../__fixtures__/report-input.js'
import { MarkdownFormatter } from './markdown-formatter.js'

const render = (ci?: CiStats, tableRows?: number) =>
  new MarkdownFormatter(tableRows === undefined ? {} : { tableRows }).format(
    ci === undefined ? realisticReportInput() : ciReportInput(ci),
  ).content

/** The table row whose first cell starts with `start`. */
const row = (report: string, start: string) =>
  report
    .slice(report.indexOf('## CI statistics'))
    .split('\n')
    .find((line) => line.startsWith(`| ${start}`))

describe('the CI statistics in the markdown report', () => {
  it('come after the git statistics, as evidence: failure rates, flaky tests with their counts, red commits, who repairs', () => {
    const report = render(ciStats())
    const ci = report.indexOf('## CI statistics (supporting evidence)')
    expect(ci).toBeGreaterThan(report.indexOf('## Git statistics (supporting evidence)'))
    expect(report.slice(ci)).toContain('52 workflow runs created in the window (61 attempts, 190 jobs)')
    expect(row(report, 'CI |')).toBe('| CI | `.github/workflows/ci.yml` | 40 | 7 | 18% | 9 |')
    expect(row(report, 'CI / unit')).toContain(
      '| yes | 5 of 40 runs failed; 6 more failed and passed on a re-run; the next run passed with no relevant change once |',
    )
    // A job that never failed is not listed.
    expect(row(report, 'CI / build')).toBeUndefined()
    expect(report).toContain('2 failing tests, 1 flaky')
    expect(row(report, `\`${flakyTestName}\``)).toBe(
      `| \`${flakyTestName}\` | CI / unit | flaky | failed in 7 of 40 runs; re-running passed 6 of 7 |`,
    )
    expect(row(report, `\`${brokenTestName}\``)).toContain('| failed again on re-run |')
    expect(report).toContain('### Commits that turned `main` red')
    expect(report).toContain(
      'Time to green: median 17.2 h, 90th percentile 17.2 h over 1 red period that ended; 1 still red.',
    )
    const red = row(report, '[`3333333`]')
    expect(red).toContain('| Speed up tokenizer | `src/parser.py`, `src/util.py` and 1 more |')
    expect(red).toContain('[CI](<https://github.com/acme/widgets/actions/runs/1001>)')
    expect(red).toContain('| green after 17.2 h (Cy Okafor (cy@acme.dev)) |')
    expect(row(report, '[`8888888`]')).toMatch(/\| Bump numpy \|.*\| still red \|$/)
    expect(row(report, 'Cy Okafor (cy@acme.dev)')).toBe('| Cy Okafor (cy@acme.dev) | 1 |')
  })

  it('without CI history says nothing of CI; with no runs in the window says so', () => {
    const report = render()
    expect(report).not.toMatch(/\bCI\b|GitHub Actions|workflow/i)
    const empty = render({ ...ciStats(), runs: 0, attempts: 0, jobs: 0, workflows: [], jobStats: [], tests: [] })
    expect(empty).toContain(
      '## CI statistics (supporting evidence)\n\nNo GitHub Actions workflow run was created in this window.',
    )
    expect(empty).not.toContain('### Workflows')
  })

  it('states the totals before the cap, never the length of a capped list', () => {
    const stats = ciStats()
    const tests = Array.from({ length: 30 }, (_, index) => ({ ...stats.tests[0]!, test: `t::case_${index}` }))
    const capped = { ...stats, tests, totals: { ...stats.totals!, tests: 150, flakyTests: 120 } }
    const report = render(capped, 10)
    expect(report).toContain('10 of 150 failing tests, 120 flaky')
    expect(report).toContain('(20 more in .gitlore/context.json)')
    // A context written before totals existed: the count is of what is shown, and says so.
    const { totals: _totals, ...withoutTotals } = capped
    const old = render(withoutTotals, 10)
    expect(old).toContain('the first 10 failing tests, named')
    expect(old).not.toContain('flaky, named')
    expect(old).toContain('over 1 red period that ended.')
  })

  it('names red commits by their short sha, linked to GitHub through the repository the data came from', () => {
    const input = ciReportInput()
    const elsewhere = { ...input.context.repo, remote: '/srv/git/widgets.git' }
    const format = (repo: typeof elsewhere) =>
      new MarkdownFormatter().format({ ...input, context: { ...input.context, repo } }).content
    expect(row(format(elsewhere), '`3333333`')).toContain('| Speed up tokenizer |')
    expect(format(elsewhere)).not.toContain('3'.repeat(40))
    expect(row(format({ ...elsewhere, github: 'acme/widgets' }), '[`3333333`]')).toContain(
      `(https://github.com/acme/widgets/commit/${'3'.repeat(40)})`,
    )
  })

  it('escapes job names, test names, subjects and paths from GitHub and git', () => {
    const report = render(hostileCiStats())
    const ci = report.slice(report.indexOf('## CI statistics'))
    // Outside code spans nothing can open a tag or a link; the run link to a javascript: address is dropped.
    const outsideCode = ci.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '')
    expect(outsideCode).not.toMatch(/(?<!\\)<(script|img)/)
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(javascript:/)
    expect(ci).not.toContain('(<javascript:')
    // Every table row keeps its columns: pipes in names are escaped.
    for (const line of ci.split('\n').filter((text) => text.startsWith('| [`3333333`]'))) {
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(8)
    }
  })
})
