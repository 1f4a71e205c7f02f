import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { buildHostileRepository, git, type HostileRepository } from '@gitlore/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReviewIndex } from '../review/review-index.js'
import { RepositorySandbox } from './tools/repository-sandbox.js'
import type { ValidFinding } from './validate-findings.js'
import { verifyCitations } from './verify-citations.js'

let repository: HostileRepository
let sandbox: RepositorySandbox

beforeAll(async () => {
  repository = await buildHostileRepository({ links: { 'docs/env-link': '../.env' } })
  // Delete data.txt in a commit, past the helpers the hostile .git/config arms.
  const disarmed = ['filter.evil.process=', 'filter.evil.clean=', 'filter.evil.required=false']
  const harmless = [
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'core.fsmonitor=false',
    ...disarmed.flatMap((c) => ['-c', c]),
  ]
  const identity = { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' }
  await git(repository.dir, [...harmless, 'rm', '--quiet', 'data.txt'])
  await git(repository.dir, [...harmless, 'commit', '--quiet', '-m', 'chore: drop data.txt'], {
    ...identity,
    GIT_COMMITTER_NAME: 'A',
    GIT_COMMITTER_EMAIL: 'a@example.com',
  })
  // Untracked and ignored files the working tree holds: never in git, never citable.
  await writeFile(join(repository.dir, 'draft.md'), 'one\ntwo\nthree\n')
  await mkdir(join(repository.dir, 'build'), { recursive: true })
  await writeFile(join(repository.dir, 'build', 'out.js'), 'x\n')
  sandbox = await RepositorySandbox.open(repository.dir)
})
afterAll(async () => {
  await rm(dirname(repository.dir), { recursive: true, force: true })
})

const citing = (ref: string, files: readonly string[] = []): ValidFinding => ({
  title: `cites ${ref}`,
  category: 'landmine',
  severity: 'high',
  insight: 'A finding that cites one thing.',
  evidence: [{ source: 'code', text: 'see there', ref }],
  files: [...files],
})

async function verify(findings: readonly ValidFinding[]) {
  return verifyCitations(findings, { sandbox, reviews: new ReviewIndex({}), gitTimeoutMs: 20_000 })
}

describe('verifyCitations on a hostile repository', () => {
  it('keeps citations of files HEAD tracks, with lines that exist, and of files its history held', async () => {
    const result = await verify([citing('src/app.ts:1'), citing('src'), citing('data.txt'), citing('.gitignore')])
    expect(result.findings.map((finding) => finding.evidence[0]?.ref)).toEqual([
      'src/app.ts:1',
      'src',
      'data.txt',
      '.gitignore',
    ])
    expect(result.dropped.total).toBe(0)
  })

  it.each([
    ['.env', 'an untracked, ignored file'],
    ['.env:1', 'a line of an untracked, ignored file'],
    ['draft.md', 'an untracked file'],
    ['draft.md:2', 'a line of an untracked file'],
    ['build/out.js', 'a file in an untracked directory'],
    ['build', 'an untracked directory'],
    ['notes.txt:1', 'a tracked link to the untracked .env'],
    ['notes.txt', 'a tracked link to the untracked .env, without lines'],
    ['docs/env-link:1', 'a tracked link that climbs to .env'],
    ['linked-docs/secret.txt', 'a file behind a tracked link that leads out'],
    ['../outside/secret.txt', 'a path that leaves the repository'],
    [`${'/'}etc/passwd`, 'an absolute path'],
    ['~/.ssh/id_rsa', 'a home path'],
    ['.git/config', 'the repository configuration'],
    ['src/nowhere.ts', 'a path that never existed'],
  ])('drops a citation of %s (%s), and the finding it alone supported', async (ref) => {
    const result = await verify([citing(ref)])
    expect(result.findings).toEqual([])
    expect(result.unsupported).toBe(1)
    expect(result.dropped.paths).toBe(1)
    for (const detail of result.dropped.details) expect(detail.reason).not.toContain(repository.secret)
  })

  it('drops the same paths from a finding’s files and keeps the tracked ones', async () => {
    const result = await verify([
      citing('src/app.ts', ['src/app.ts', '.env', 'notes.txt', 'draft.md', '../outside/secret.txt', 'data.txt']),
    ])
    expect(result.findings[0]?.files).toEqual(['src/app.ts', 'data.txt'])
    expect(result.dropped.files).toBe(4)
    expect(result.dropped.details.map((detail) => detail.reason)).toEqual([
      '.env is not tracked by git nor in the history of HEAD',
      'notes.txt is a link to .env, which git does not track',
      'draft.md is not tracked by git nor in the history of HEAD',
      expect.stringContaining('leaves the repository'),
    ])
  })
})
