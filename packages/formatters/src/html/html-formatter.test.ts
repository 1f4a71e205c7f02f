import { repositoryContext, sha } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { hostileFinding, realisticReportInput } from '../__fixtures__/report-input.js'
import type { ReportInput } from '../formatter.js'
import { HtmlFormatter, reportContentSecurityPolicy } from './html-formatter.js'
import { escapeHtml } from './html-template.js'

function page(input: Partial<ReportInput> = {}): string {
  return new HtmlFormatter().format({ ...realisticReportInput(), ...input }).content
}

/** The realistic input as a git-only run would have it: no review data. */
function gitOnly(input: Partial<ReportInput> = {}): string {
  const { clusters: _clusters, reviews: _reviews, ...rest } = realisticReportInput()
  return new HtmlFormatter().format({ ...rest, ...input }).content
}

describe('HtmlFormatter', () => {
  it('is one file that loads nothing and runs nothing', () => {
    const html = page()
    expect(reportContentSecurityPolicy).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
    )
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportContentSecurityPolicy)}">`,
    )
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\ssrc=|url\(|@import/i)
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
  })

  it('has a header saying what was analysed, by what, and what failed', () => {
    const html = page({ degradedStages: [{ stage: 'github', error: 'no GitHub token: set GITHUB_TOKEN' }] })
    expect(html).toContain(
      '<dt>Reviews analysed</dt><dd>64 pull requests, 412 review comments by 4 reviewers on GitHub <code>acme/widgets</code></dd>',
    )
    expect(html).toContain(
      '<dt>Models</dt><dd>classifier openrouter/google/gemini-3-flash-preview, embedding offline</dd>',
    )
    expect(html).toContain(
      `<a href="https://github.com/acme/widgets/commit/${sha('a')}" rel="noreferrer noopener"><code>aaaaaaa</code></a> on branch <code>main</code>`,
    )
    expect(html).toContain('Degraded run: these stages could not run as configured')
    expect(html).toContain('<li>github: no GitHub token: set GITHUB_TOKEN</li>')
  })

  it('shows review charts only when there is review data', () => {
    expect(page()).toContain('<section id="reviews">')
    const html = gitOnly()
    expect(html).not.toContain('<section id="reviews">')
    expect(html).not.toContain('Reviews analysed')
    expect(html).toContain('aria-labelledby="chart-hotspots"')
  })

  it('offers filters only for the severities and categories present', () => {
    const html = page({ findings: realisticReportInput().findings.filter((finding) => finding.severity !== 'low') })
    expect(html).toContain('id="show-severity-high" checked')
    expect(html).not.toContain('id="show-severity-low"')
    expect(html).not.toContain('id="show-category-tooling"')
  })

  it('escapes every string and links only to http(s) addresses', () => {
    const html = page({ findings: [hostileFinding, ...realisticReportInput().findings] })
    expect(html).toContain(`<h3>${escapeHtml(hostileFinding.title)}</h3>`)
    expect(html).toContain('<code>javascript:window.__pwned=3</code>')
    expect(html).toContain('<code>https://example.com/&quot;&gt;&lt;script&gt;x&lt;/script&gt;</code>')
    expect(html).toContain('<code>src/&lt;script&gt;.ts</code>')
    expect(html).toContain(
      '<a href="https://github.com/acme/widgets/pull/412" rel="noreferrer noopener">https://github.com/acme/widgets/pull/412</a>',
    )
    expect(escapeHtml(`<a href="x" title='y'>&\u0000`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\uFFFD',
    )
  })

  it('says so when a window has nothing to show', () => {
    const html = gitOnly({
      context: repositoryContext({ repo: { path: '/srv/empty', head: null, branch: null, remote: null } }),
      findings: [],
    })
    expect(html).toContain('<title>gitlore report: empty</title>')
    expect(html).toContain('<dd>none (empty repository)</dd>')
    expect(html).toContain('No findings in this window.')
    expect(html).toContain('None in this window.')
    expect(html).not.toContain('<svg')
  })
})
