import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brokenTest, buildCiScenario, flakyTest, startLoopbackGitHub } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { captureTerminal, writeUserConfig } from './capture-terminal.test-helper.js'
import { main } from './main.js'

// A repository with GitHub Actions history, as its team lead reads the reports: the CI statistics are
// there as evidence, with the counts that back them; a git-only run says nothing of CI.

const token = 'ghp_FAKEciReportToken0123456789abcdGITLORE'

describe('gitlore analyze with GitHub Actions history (loopback GitHub)', () => {
  it('shows the CI statistics in the markdown and the HTML report, and none git-only', async () => {
    const scenario = await buildCiScenario()
    const github = await startLoopbackGitHub(scenario.world, token)
    try {
      const userConfig = `[github]\nrepo = "octo/scenario"\napi_url = "${github.url}"\n[models]\nclassifier = "offline"\nembedding = "offline"\nsynthesizer = "offline"\n`
      const terminal = captureTerminal(scenario.dir)
      writeUserConfig(terminal, userConfig)
      const window = ['--since', scenario.since, '--until', scenario.until]
      const args = ['analyze', '--repo', scenario.dir, ...window, '--format', 'report,html']
      const code = await main(args, { ...terminal, env: { ...terminal.env, GITHUB_TOKEN: token } })
      expect(terminal.output.stderr).not.toMatch(/error/i)
      expect(code).toBe(0)
      const report = await readFile(join(scenario.dir, 'gitlore-report.md'), 'utf8')
      const ci = report.slice(report.indexOf('## CI statistics (supporting evidence)'))
      expect(ci.length).toBeLessThan(report.length)
      expect(ci).toContain('41 workflow runs created in the window')
      expect(ci).toContain(`| \`${flakyTest}\` | CI / unit | flaky | failed in 7 of 41 runs; re-running passed 5 of 6`)
      expect(ci).toContain(`| \`${brokenTest}\` | CI / unit | failed again on re-run |`)
      expect(ci).toContain('### Commits that turned `main` red')
      const red = ci.split('\n').find((line) => line.includes(scenario.redSha.slice(0, 7)))
      expect(red).toContain('| Speed up tokenizer | `src/parser.py`, `src/util.py` |')
      expect(red).toMatch(/green after [\d.]+ h \([^)]*carol@example.com\)/)
      expect(ci).toMatch(/### Who repairs a red `main`[\s\S]*carol@example.com\) \| 1 \|/)
      expect(report).not.toContain(token)

      const html = await readFile(join(scenario.dir, 'gitlore-report.html'), 'utf8')
      // What a reader sees from the CI part on: tags dropped.
      const text = html
        .slice(html.indexOf('id="ci"'))
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
      expect(text).toContain('CI statistics (supporting evidence)')
      expect(text).toContain(`${flakyTest} CI / unit flaky failed in 7 of 41 runs; re-running passed 5 of 6`)
      expect(text).toContain(`${scenario.redSha.slice(0, 7)} Speed up tokenizer`)

      const gitOnly = captureTerminal(scenario.dir)
      writeUserConfig(gitOnly, userConfig)
      expect(await main([...args, '--git-only'], gitOnly)).toBe(0)
      expect(await readFile(join(scenario.dir, 'gitlore-report.md'), 'utf8')).not.toContain('CI statistics')
      expect(await readFile(join(scenario.dir, 'gitlore-report.html'), 'utf8')).not.toContain('id="ci"')
    } finally {
      await github.close()
    }
  })
})
