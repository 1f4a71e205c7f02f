import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildHistoryFixture } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { captureTerminal } from './capture-terminal.test-helper.js'
import { main } from './main.js'

async function run(args: readonly string[], cwd: string) {
  const terminal = captureTerminal(cwd)
  const code = await main(args, terminal)
  return { code, ...terminal.output }
}

describe('gitlore analyze --repos', () => {
  it('analyses each listed repository into its own folder, names each line, and exits 3 when one fails', async () => {
    const work = await mkdtemp(join(tmpdir(), 'gitlore-cli-repos-'))
    const [first, second] = [(await buildHistoryFixture()).dir, (await buildHistoryFixture()).dir]
    await writeFile(join(work, 'repos.txt'), `${first}\n${second}\n./not-there\n`)
    const result = await run(
      ['analyze', '--repos', 'repos.txt', '--offline', '--since', 'all', '--concurrency', '2', '--out', 'org'],
      work,
    )
    expect(result.code).toBe(3)
    expect(result.stderr).toContain(`[1/3] ${first}: started`)
    expect(result.stderr).toMatch(new RegExp(`${first}: \\d+ findings, [\\d.]+ s; ${join(work, 'org')}/`))
    expect(result.stderr).toMatch(/\.\/not-there: failed after [\d.]+ s: .*not-there/)
    expect(result.stderr).toContain(`wrote ${join(work, 'org', 'gitlore-org-report.md')}`)
    const report = await readFile(join(work, 'org', 'gitlore-org-report.md'), 'utf8')
    expect(report).toContain('3 repositories, 2 analysed')
  })

  it('refuses a list line that is neither owner/name nor a path, and flags that need --repos', async () => {
    const work = await mkdtemp(join(tmpdir(), 'gitlore-cli-repos-'))
    await writeFile(join(work, 'repos.txt'), 'octo/api\nnot a repository\n')
    const bad = await run(['analyze', '--repos', 'repos.txt', '--offline'], work)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('repos.txt:2: "not a repository" is neither owner/name nor a directory')
    expect((await run(['analyze', '--repos', 'repos.txt', '--concurrency', '0'], work)).code).toBe(2)
    expect((await run(['analyze', '--concurrency', '2'], work)).stderr).toContain(
      '--concurrency goes with --repos FILE',
    )
  })
})
