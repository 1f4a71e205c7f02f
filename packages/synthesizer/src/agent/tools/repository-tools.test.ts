import { rm } from 'node:fs/promises'
import { git } from '@gitlore/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callTool } from '../../__fixtures__/call-tool.js'
import { buildToolRepository, type ToolRepository } from '../../__fixtures__/tool-repository.js'
import { ReviewIndex } from '../../review/review-index.js'
import { createRepositoryTools, type RepositoryToolName, type RepositoryTools } from './create-repository-tools.js'
import { RepositorySandbox } from './repository-sandbox.js'

let repository: ToolRepository
let tools: RepositoryTools

beforeAll(async () => {
  repository = await buildToolRepository()
  tools = createRepositoryTools({
    sandbox: await RepositorySandbox.open(repository.dir),
    reviews: new ReviewIndex({}),
  })
})

afterAll(async () => {
  await rm(repository.dir, { recursive: true, force: true })
  await rm(repository.evilDir, { recursive: true, force: true })
})

const call = (name: RepositoryToolName, input: Record<string, unknown>) => callTool(tools, name, input)

describe('the tool sandbox', () => {
  it.each([
    ['a parent traversal', '../secret.txt', /leaves the repository/],
    ['a traversal hidden in the middle', 'src/../../x', /leaves the repository/],
    ['an absolute path', '/etc/passwd', /absolute/],
    ['a home path', '~/.ssh/id_rsa', /absolute/],
    ['a backslash path', '..\\secret.txt', /backslash/],
    ['the .git directory', '.git/config', /inside \.git/],
    ['an option-like path', '--output=x', /starts with "-"/],
  ])('refuses %s', async (_, path, message) => {
    for (const name of ['read_file', 'list_tree', 'file_history', 'blame'] as const) {
      const result = await call(name, { path, startLine: 1, endLine: 2 })
      expect(result).toMatch(/^error: /)
      expect(result).toMatch(message)
    }
  })

  it('refuses a symlink into a sibling directory sharing the repository name as prefix', async () => {
    const result = await call('read_file', { path: 'sneaky.txt' })
    expect(result).toMatch(/^error: "sneaky.txt" leads outside the repository/)
    expect(result).not.toContain('TOP SECRET')
    expect(await call('blame', { path: 'sneaky.txt', startLine: 1, endLine: 1 })).toMatch(/leads outside/)
  })

  it('refuses an absolute symlink leading out, and follows one that stays inside', async () => {
    expect(await call('read_file', { path: 'absolute-link.txt' })).toMatch(/leads outside the repository/)
    expect(await call('read_file', { path: 'inside-link.ts', endLine: 2 })).toContain('1| db line 0')
  })

  it('reads only files git tracks, so an untracked .env stays private', async () => {
    const result = await call('read_file', { path: '.env' })
    expect(result).toMatch(/not tracked by git/)
    expect(result).not.toContain('do-not-read')
  })

  it('refuses binary files with a message', async () => {
    expect(await call('read_file', { path: 'assets/logo.png' })).toMatch(
      /^error: "assets\/logo.png" is a binary file \(\d+ bytes\)/,
    )
  })

  it('reads a line range of a huge file and says the file continues', async () => {
    const result = await call('read_file', { path: 'huge.txt', startLine: 100_000, endLine: 100_002 })
    expect(result.split('\n')).toEqual([
      'huge.txt, lines 100000-100002 (more lines follow; 5,488,889 bytes in all)',
      '100000| row 99999 of the huge file',
      '100001| row 100000 of the huge file',
      '100002| row 100001 of the huge file',
    ])
  })

  it('caps a whole-file read of a huge file with a visible marker', async () => {
    const result = await call('read_file', { path: 'huge.txt', endLine: 200_000 })
    expect(result.length).toBeLessThan(17_000)
    expect(result).toMatch(/\[truncated: output limit reached at line \d+; continue with startLine \d+\]$/)
  })

  it('cuts a file that is one enormous line', async () => {
    const result = await call('read_file', { path: 'one-line.min.js' })
    expect(result.length).toBeLessThan(1000)
    expect(result).toMatch(/… \[\+1,?\d+ chars\]/)
  })

  it('lists the tracked tree with deeper directories folded', async () => {
    const result = await call('list_tree', { depth: 1 })
    expect(result).toContain('src/ (')
    expect(result).toContain('pkg/ (35 files)')
    expect(result).not.toContain('.env')
    expect(await call('list_tree', { path: 'src', depth: 3 })).toContain('lib/util.ts')
  })

  it('greps tracked text and treats an option-like pattern as text', async () => {
    expect(await call('grep', { pattern: 'filter\\(deleted\\)', path: 'src' })).toContain('src/search.ts:')
    expect(await call('grep', { pattern: '--output=/tmp/x', fixedStrings: true })).toMatch(/^no matches/)
    expect(await call('grep', { pattern: '(' })).toMatch(/^error: git failed/)
  })

  it('shows history, commits and blame from git', async () => {
    const history = await call('file_history', { path: 'src/db.ts', limit: 3 })
    const touching = (await git(repository.dir, ['log', '--follow', '--format=%H', '--', 'src/db.ts']))
      .trim()
      .split('\n')
    expect(touching.length).toBeGreaterThan(3)
    expect(history).toContain(`the 3 most recent of ${touching.length} commits touching src/db.ts`)
    expect(
      history
        .split('\n')
        .slice(1)
        .map((line) => line.slice(0, 10)),
    ).toEqual(touching.slice(0, 3).map((sha) => sha.slice(0, 10)))
    const cache = repository.shas.cache ?? ''
    const commit = await call('show_commit', { commit: cache.slice(0, 10) })
    expect(commit).toContain(`commit ${cache}`)
    expect(commit).toContain('feat: add a query cache')
    expect(await call('show_commit', { commit: '--output=/tmp/x' })).toMatch(/^error: .* is not a commit sha/)
    expect(await call('show_commit', { commit: 'HEAD..HEAD~2' })).toMatch(/^error: /)
    const blame = await call('blame', { path: 'src/app.ts', startLine: 1, endLine: 2 })
    expect(blame).toMatch(/^src\/app.ts at HEAD, lines 1-2\n1\| [0-9a-f]{10} \d{4}-\d\d-\d\d /)
    const found = await call('search_commits', { query: 'revert' })
    expect(found).toContain('Revert "feat: add a query cache"')
  })

  it('answers review queries without review data with a clear message', async () => {
    expect(await call('review_comments', { file: 'src/db.ts' })).toMatch(/^error: no review comments in this run/)
  })
})
