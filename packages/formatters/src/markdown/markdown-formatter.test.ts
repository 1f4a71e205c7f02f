import type { Finding } from '@gitlore/core'
import { repositoryContext, sha } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { realisticReportInput } from '../__fixtures__/report-input.js'
import type { ReportInput } from '../formatter.js'
import { MarkdownFormatter } from './markdown-formatter.js'

const revertFinding: Finding = {
  id: 'fragile_area-1',
  title: 'src/db/pool.ts: 2 reverts, 3 quick fixes',
  category: 'fragile_area',
  severity: 'high',
  insight: 'In this window src/db/pool.ts was reverted twice. Read the reverted changes before editing it.',
  evidence: [
    { source: 'git', text: `Reverted in ${sha('1')}: Revert "pool per tenant"`, ref: sha('1') },
    { source: 'git', text: '3 fix commits shortly after another change to it', ref: 'src/db/pool.ts' },
  ],
  files: ['src/db/pool.ts'],
}

const conventionFinding: Finding = {
  id: 'convention-1',
  title: 'Commit subjects use Conventional Commits',
  category: 'convention',
  severity: 'medium',
  insight: 'Use Conventional Commits (`type(scope): summary`): 82% of subjects do.',
  evidence: [{ source: 'git', text: '82% of 120 commit subjects match Conventional Commits' }],
  files: [],
}

const ownerFinding: Finding = {
  id: 'team-1',
  title: 'Bus factor 1: Bo Chen (bo@acme.dev) holds src/billing/',
  category: 'team',
  severity: 'high',
  insight: 'Bo Chen wrote most of the commits to src/billing/ (92%).',
  evidence: [{ source: 'git', text: 'src/billing/: bo@acme.dev wrote 92% of commits', ref: 'src/billing/' }],
  files: ['src/billing/'],
}

function report(input: Partial<ReportInput> = {}, options = {}): string {
  return new MarkdownFormatter(options).format({
    context: repositoryContext({ commits: { total: 120, merges: 9, authors: 3 } }),
    findings: [],
    synthesizer: 'offline',
    generatedAt: '2024-04-01T12:00:00.000Z',
    ...input,
  }).content
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`)
  const end = markdown.indexOf('\n#', start + heading.length)
  return markdown.slice(start, end === -1 ? undefined : end).trim()
}

describe('MarkdownFormatter', () => {
  it('writes gitlore-report.md with a header saying what was analysed and how', () => {
    const markdown = report({ notes: ['Offline synthesizer: statistical findings only.'] })
    expect(markdown.slice(0, markdown.indexOf('## Findings'))).toMatchInlineSnapshot(`
      "# gitlore report: acme/widgets

      - Repository: acme/widgets
      - Head: [\`aaaaaaa\`](https://github.com/acme/widgets/commit/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) on branch \`main\`
      - Window: 2024-01-01 to 2024-03-31
      - Commits analysed: 120 non-merge commits by 3 authors (9 merges not counted)
      - Synthesizer: offline
      - Generated: 2024-04-01T12:00:00.000Z

      Notes:

      - Offline synthesizer: statistical findings only.

      "
    `)
  })

  it('leads with the review themes, their quotes and who reviews what, before the findings', () => {
    const markdown = new MarkdownFormatter().format(realisticReportInput()).content
    const headings = markdown.split('\n').filter((line) => /^## /.test(line))
    expect(headings).toEqual([
      '## What reviewers keep asking for',
      '## Review load',
      '## Findings',
      '## Git statistics (supporting evidence)',
    ])
    expect(section(markdown, '### 1. Move SQL out of handlers into repositories')).toMatchInlineSnapshot(`
      "### 1. Move SQL out of handlers into repositories

      - 14 comments in 3 pull requests, 12 of 14 review threads resolved; architecture 14
      - Files: \`src/api/orders.ts\`, \`src/repositories/order-repository.ts\`
      - Reviewers said:
        - “Please move this query into \`OrderRepository\`; handlers should not build SQL.” (ana in #401 on \`src/api/orders.ts\`) <https://github.com/acme/widgets/pull/401#discussion_r1000>
        - “Same as before: the SQL belongs in src/repositories/, not in the handler.” (bo in #412 on \`src/api/orders.ts\`) <https://github.com/acme/widgets/pull/412#discussion_r1001>
        - “Can this go through the repository layer? We keep raw queries out of the API.” (ana in #418 on \`src/api/orders.ts\`) <https://github.com/acme/widgets/pull/418#discussion_r1002>"
    `)
    expect(markdown).toContain('4 recurring themes covering 37 review comments, largest first. 1 theme of praise')
    expect(section(markdown, '### Who reviews which area')).toContain(
      '| `src/` | 380 | ana 150, bo 110, cy 80, 1 more |',
    )
  })

  it('renders a finding with its severity, insight, evidence and files', () => {
    expect(
      section(report({ findings: [revertFinding] }), '#### src/db/pool.ts: 2 reverts, 3 quick fixes'),
    ).toMatchInlineSnapshot(`
        "#### src/db/pool.ts: 2 reverts, 3 quick fixes

        Severity: **high**

        In this window src/db/pool.ts was reverted twice. Read the reverted changes before editing it.

        Evidence:

        - Reverted in 1111111: Revert "pool per tenant" (git: [\`1111111\`](https://github.com/acme/widgets/commit/1111111111111111111111111111111111111111))
        - 3 fix commits shortly after another change to it (git: \`src/db/pool.ts\`)

        Files: \`src/db/pool.ts\`"
      `)
  })

  it('groups findings by category, severest category first', () => {
    const markdown = report({ findings: [conventionFinding, revertFinding, ownerFinding] })
    const headings = markdown.split('\n').filter((line) => /^#{2,4} /.test(line) && !line.includes('Appendix'))
    expect(headings.slice(0, 7)).toEqual([
      '## Findings',
      '### Fragile areas',
      '#### src/db/pool.ts: 2 reverts, 3 quick fixes',
      '### Team',
      '#### Bus factor 1: Bo Chen (bo@acme.dev) holds src/billing/',
      '### Conventions',
      '#### Commit subjects use Conventional Commits',
    ])
    expect(markdown).toContain('3 findings: 2 high, 1 medium.')
  })

  it('keeps full shas exact where it cannot link to GitHub', () => {
    const context = repositoryContext({ repo: { path: '/srv/widgets', head: sha('a'), branch: null, remote: null } })
    const markdown = report({ context, findings: [revertFinding] })
    expect(markdown).toContain('# gitlore report: widgets')
    expect(markdown).toContain(`Head: \`${sha('a')}\` on detached HEAD`)
    expect(markdown).toContain(`- Reverted in 1111111: Revert "pool per tenant" (git: \`${sha('1')}\`)`)
  })

  it('says when a run was degraded and what the data lacks', () => {
    const markdown = report({
      context: repositoryContext({ warnings: ['shallow clone: history stops at 2024-02-01'] }),
      degradedStages: [
        { stage: 'github', error: 'no GitHub token: set GITHUB_TOKEN or run with --git-only' },
        {
          stage: 'classification',
          error: '8 of 1,582 comments (0.5%) could not be classified (each is in the run record)',
          kind: 'partial',
        },
      ],
    })
    expect(markdown).toContain(
      '**Degraded run:** these stages could not run as configured; this report was made without them or with their offline fallback.\n\n' +
        '- github: no GitHub token: set GITHUB_TOKEN or run with --git-only\n\n' +
        '**Incomplete:** these stages finished, but some of their items failed.\n\n' +
        '- classification: 8 of 1,582 comments (0.5%) could not be classified (each is in the run record)',
    )
    expect(markdown).toContain('Warnings:\n\n- shallow clone: history stops at 2024-02-01')
    expect(markdown).toContain('## Findings\n\nNo findings.')
  })

  it('keeps paths and subjects from turning into markdown', () => {
    const finding = {
      ...revertFinding,
      title: 'lib/__init__.py: 2 reverts',
      insight: 'See <script> and *all* of [this].',
    }
    const markdown = report({ findings: [finding] })
    expect(markdown).toContain('#### lib/\\_\\_init\\_\\_.py: 2 reverts')
    expect(markdown).toContain('See \\<script> and \\*all\\* of \\[this\\].')
    // Code spans stay code spans; snake_case stays readable.
    expect(report({ findings: [conventionFinding] })).toContain('(`type(scope): summary`)')
  })

  it('escapes table cells and caps each table with a pointer to the full data', () => {
    const hotspots = Array.from({ length: 13 }, (_, index) => ({
      path: `src/file-${String(index).padStart(2, '0')}.ts`,
      commits: 30 - index,
      added: 1200,
      removed: 34,
      churn: 1234,
      authors: 2,
      lastChanged: '2024-03-20T10:00:00.000Z',
    }))
    const context = repositoryContext({
      hotspots,
      reverts: [
        {
          sha: sha('2'),
          subject: 'Revert "a | b\nand more"',
          revertedSha: sha('9'),
          revertedInHistory: true,
          revertedCommit: sha('9'),
          files: ['x|y.ts', 'b.ts', 'c.ts'],
        },
        {
          sha: sha('3'),
          subject: 'Squash a pull request whose branch reverted its own commit',
          revertedSha: 'abcdef1',
          revertedInHistory: false,
          revertedCommit: null,
          files: ['d.ts'],
        },
      ],
    })
    const markdown = report({ context })
    const hot = section(markdown, '### Hotspots (most changed files)')
    expect(hot.split('\n').filter((line) => line.startsWith('| `src/'))).toHaveLength(10)
    expect(hot).toContain('| `src/file-00.ts` | 30 | 1,234 (+1,200/-34) | 2 | 2024-03-20 |')
    expect(hot.endsWith('(3 more in .gitlore/context.json)')).toBe(true)
    expect(section(markdown, '### Reverts')).toMatchInlineSnapshot(`
      "### Reverts

      | Revert | Subject | Reverted commit | Files |
      |---|---|---|---|
      | [\`2222222\`](https://github.com/acme/widgets/commit/2222222222222222222222222222222222222222) | Revert "a \\| b and more" | [\`9999999\`](https://github.com/acme/widgets/commit/9999999999999999999999999999999999999999) | \`x\\|y.ts\`, \`b.ts\` and 1 more |
      | [\`3333333\`](https://github.com/acme/widgets/commit/3333333333333333333333333333333333333333) | Squash a pull request whose branch reverted its own commit | \`abcdef1\` (not in history) | \`d.ts\` |"
    `)
    expect(section(markdown, '### Coupling hubs')).toBe('### Coupling hubs\n\nNone in this window.')
  })
})
