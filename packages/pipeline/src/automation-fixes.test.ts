import { RepoBuilder } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { analyzeRepository } from './analyze-repository.js'
import { openKnowledgeBase } from './open-knowledge-base.js'

const env = { PATH: process.env.PATH }
const person = { name: 'Pat Person', email: 'pat@example.com' }
const renovate = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' }
const day = (offset: number) => new Date(Date.parse('2025-01-01T10:00:00Z') + offset * 86_400_000).toISOString()

/**
 * package.json bumped by a bot's `fix(deps)` commits every day, a release whose subject says fix,
 * and two fixes by a person, each within a day of another change to the file.
 */
async function dependencyBumps() {
  const builder = new RepoBuilder()
  const marks: Record<string, string> = {}
  const touch = (version: number) => ({ 'package.json': `{ "version": "1.0.${version}" }\n` })
  builder.commit({ author: person, date: day(0), message: 'feat: add the package\n', files: touch(0) })
  for (let index = 1; index <= 6; index++) {
    marks[`bot${index}`] = builder.commit({
      author: renovate,
      date: day(index),
      message: `fix(deps): update dependency vite to v${index}\n`,
      files: touch(index),
    })
  }
  marks.release = builder.commit({
    author: person,
    date: day(7),
    message: 'chore(release): 1.1.0 with the bug fix\n',
    files: touch(7),
  })
  marks.pin = builder.commit({ author: person, date: day(8), message: 'fix: pin the plugin\n', files: touch(8) })
  marks.engines = builder.commit({
    author: person,
    date: day(9),
    message: 'fix: restore the engines field\n',
    files: touch(9),
  })
  const dir = await builder.build()
  return { dir, sha: (mark: string) => builder.sha(marks[mark] as string) }
}

describe('fixes by bots and release commits', () => {
  it('are no quick fixes in the statistics, the findings or the brief unless automation is included', async () => {
    const { dir, sha } = await dependencyBumps()
    const automated = ['bot1', 'bot2', 'bot3', 'bot4', 'bot5', 'bot6', 'release'].map(sha)

    const result = await analyzeRepository({ dir, since: 'all', offline: true, env })
    expect(result.context.fixAfter).toEqual([
      {
        path: 'package.json',
        fixes: 2,
        // The person's first fix followed the release: what a fix followed may be automation.
        examples: [
          { fix: sha('engines'), before: sha('pin') },
          { fix: sha('pin'), before: sha('release') },
        ],
      },
    ])
    const fragile = result.findings.find((finding) => finding.title.startsWith('package.json:'))
    expect(fragile?.title).toContain('2 quick fixes')
    // Cited as fixes: the person's commits only (a bot's bump may be the change a fix followed).
    const fixRefs = result.findings.flatMap((finding) =>
      finding.evidence.filter((item) => item.text.startsWith('Fix ')).map((item) => item.ref),
    )
    expect(fixRefs).toEqual([sha('engines'), sha('pin')])
    for (const commit of automated) expect(JSON.stringify(result.findings)).not.toContain(`Fix ${commit.slice(0, 7)}`)

    const opened = await openKnowledgeBase({ dir, env })
    try {
      const brief = await opened.knowledge.planningBrief({ files: ['package.json'], limit: 20 })
      const fixes = brief.risks.find((item) => item.text.includes('fix commits came within'))
      expect(fixes?.text).toMatch(
        /^package\.json: 2 fix commits came within 7 days of another change to it \(of 10 commits\)/,
      )
    } finally {
      await opened.close()
    }

    const included = await analyzeRepository({
      dir,
      since: 'all',
      offline: true,
      env,
      config: { analysis: { include_automation: true } },
    })
    expect(included.context.fixAfter).toMatchObject([{ path: 'package.json', fixes: 9 }])
    expect(included.findings.find((finding) => finding.title.startsWith('package.json:'))?.title).toContain(
      '9 quick fixes',
    )
  })
})
