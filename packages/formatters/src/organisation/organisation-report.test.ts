import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ReviewCluster } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { hostileText, realisticReportInput } from '../__fixtures__/report-input.js'
import type { ReportInput } from '../formatter.js'
import { organisationHtml } from './organisation-html.js'
import { organisationMarkdown } from './organisation-markdown.js'
import { type OrganisationRepository, rollUpOrganisation } from './organisation-roll-up.js'
import { writeOrganisationReport } from './write-organisation-report.js'

const theme = (id: string, label: string, topTerms: string[], size: number, category = 'testing'): ReviewCluster => ({
  id,
  label,
  topTerms,
  size,
  categories: { [category]: size },
  members: [],
  representatives: [],
  files: [],
  prNumbers: Array.from({ length: Math.ceil(size / 3) }, (_, index) => index + 1),
  authors: [],
  resolvedShare: 0.5,
})

function repository(
  name: string,
  changes: Partial<ReportInput>,
  status: OrganisationRepository['status'] = 'ok',
): OrganisationRepository {
  const base = realisticReportInput()
  return { name, status, reportLink: `${name.replace('/', '-')}/gitlore-report.md`, report: { ...base, ...changes } }
}

const api = repository('acme/api', {
  clusters: [
    theme('a1', 'Missing tests for error paths', ['test', 'error', 'path', 'failure'], 12),
    theme('a2', 'SQL built in handlers', ['sql', 'handler', 'repository'], 8, 'architecture'),
  ],
  reviews: {
    repository: 'acme/api',
    pullRequests: 30,
    comments: 200,
    reviewers: [
      { login: 'ana', reviews: 10, comments: 80 },
      { login: 'zed', reviews: 4, comments: 20 },
    ],
  },
})
const web = repository('acme/web', {
  clusters: [
    theme('w1', 'Add a test for the failure branch', ['test', 'failure', 'branch', 'error'], 9),
    theme('w2', 'Inline styles', ['style', 'inline', 'css'], 6, 'style'),
  ],
  reviews: {
    repository: 'acme/web',
    pullRequests: 20,
    comments: 90,
    reviewers: [
      { login: 'Ana', reviews: 3, comments: 25 },
      { login: 'kim', reviews: 8, comments: 40 },
    ],
  },
})
const tools = repository('acme/tools', {
  clusters: [theme('t1', 'sql built in handlers', ['query', 'orm'], 3, 'architecture')],
  reviews: {
    repository: 'acme/tools',
    pullRequests: 2,
    comments: 3,
    reviewers: [{ login: 'ana', reviews: 1, comments: 1 }],
  },
})
const broken: OrganisationRepository = {
  name: 'acme/broken',
  status: 'failed',
  detail: 'cannot clone acme/broken: repository not found',
}

describe('rollUpOrganisation', () => {
  const rollUp = rollUpOrganisation([api, web, tools, broken], { generatedAt: '2024-04-02T00:00:00.000Z' })

  it('finds review themes that recur across repositories, by shared terms or the same label', () => {
    expect(
      rollUp.recurringThemes.map((entry) => [entry.label, entry.repositories.map((item) => item.repository)]),
    ).toEqual([
      ['Missing tests for error paths', ['acme/api', 'acme/web']],
      ['SQL built in handlers', ['acme/api', 'acme/tools']],
    ])
    expect(rollUp.recurringThemes[0]).toMatchObject({
      comments: 21,
      category: 'testing',
      terms: ['error', 'failure', 'test'],
    })
  })

  it('lists reviewers by the repositories they review in, logins compared without case', () => {
    expect(
      rollUp.reviewers.map((reviewer) => [reviewer.login, reviewer.repositories.length, reviewer.comments]),
    ).toEqual([
      ['ana', 3, 106],
      ['kim', 1, 40],
      ['zed', 1, 20],
    ])
  })

  it('keeps every repository, with its hotspots or why it has none', () => {
    expect(rollUp.repositories.map((entry) => [entry.name, entry.status, entry.hotspots.length])).toEqual([
      ['acme/api', 'ok', 5],
      ['acme/web', 'ok', 5],
      ['acme/tools', 'ok', 5],
      ['acme/broken', 'failed', 0],
    ])
    expect(rollUp.repositories[0]).toMatchObject({ commits: 120, pullRequests: 30, reviewComments: 200, themes: 2 })
  })

  it('writes markdown and HTML that link each repository’s report and say why one is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-org-'))
    const written = await writeOrganisationReport(rollUp, { dir })
    expect(written.map((file) => file.path)).toEqual([
      join(dir, 'gitlore-org-report.md'),
      join(dir, 'gitlore-org-report.html'),
    ])
    const markdown = await readFile(join(dir, 'gitlore-org-report.md'), 'utf8')
    expect(markdown).toContain(
      '- **Missing tests for error paths** (`error`, `failure`, `test`): 2 repositories, 21 comments, mostly testing',
    )
    expect(markdown).toContain('| [acme/api](acme-api/gitlore-report.md) | ok | 120 |')
    expect(markdown).toContain('| acme/broken | failed: cannot clone acme/broken: repository not found | – |')
    expect(markdown).toContain('### acme/web')
    const page = await readFile(join(dir, 'gitlore-org-report.html'), 'utf8')
    expect(page).toContain('<a href="acme-api/gitlore-report.md">acme/api</a>')
    expect(page).toContain('default-src &#39;none&#39;')
  })

  it('escapes hostile names, labels and links in both formats', () => {
    const hostile = rollUpOrganisation([
      { ...api, name: `evil ${hostileText.script}`, reportLink: 'javascript:alert(1)' },
      repository(`other ${hostileText.image}`, {
        clusters: [theme('h1', `Missing tests ${hostileText.breakers}`, ['test', 'error', 'path'], 4)],
      }),
    ])
    const page = organisationHtml(hostile)
    expect(page).not.toContain('<script>')
    expect(page).not.toContain('<img')
    expect(page).not.toContain('href="javascript')
    expect(page).not.toMatch(/[\u0000\u0007\u001b]/)
    const markdown = organisationMarkdown(hostile)
    expect(markdown).not.toMatch(/(?<!\\)<(script|img)/)
    expect(markdown).not.toMatch(/[\u0000\u0007\u001b]/)
    expect(markdown).not.toContain('\n<!-- gitlore:end -->')
  })
})
