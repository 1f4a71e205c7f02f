import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { git } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { readActionInputs } from './action-inputs.js'
import { pullRequestRepository } from './run-action.js'

const root = resolve(fileURLToPath(import.meta.url), '../../../..')

describe('action.yml', () => {
  it('hands every input to the entry script under the INPUT_ name it reads, and runs the built script', async () => {
    const manifest = await readFile(join(root, 'action.yml'), 'utf8')
    const inputs = [...(manifest.split('\noutputs:')[0] ?? '').matchAll(/^ {2}([a-z-]+):$/gm)].map(
      (match) => match[1] as string,
    )
    const handed = new Map(
      [...manifest.matchAll(/^ {8}(INPUT_[A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$/gm)].map((match) => [
        match[2] as string,
        match[1] as string,
      ]),
    )
    expect(inputs.filter((input) => input !== 'artifact-name')).toEqual([...handed.keys()])
    for (const [input, variable] of handed) expect(variable).toBe(`INPUT_${input.toUpperCase().replaceAll('-', '_')}`)
    expect(manifest).toContain('node "$GITHUB_ACTION_PATH/apps/action/dist/bin.js"')
    // Every input the script reads has a default that it accepts.
    const defaults = Object.fromEntries(
      [...manifest.matchAll(/^ {2}([a-z-]+):\n(?: {4}description:[\s\S]*?\n)? {4}default: (.*)$/gm)].map((match) => [
        `INPUT_${(match[1] as string).toUpperCase().replaceAll('-', '_')}`,
        (match[2] as string).replace(/^(['"])(.*)\1$/, '$2'),
      ]),
    )
    expect(readActionInputs({ ...defaults, INPUT_GITHUB_TOKEN: 'x' })).toMatchObject({
      since: '90d',
      reports: ['report', 'html', 'json'],
      assistantFiles: ['claude_md', 'agents_md'],
      pullRequest: true,
      branch: 'gitlore/assistant-files',
    })
  })

  it('sends the pull request to the repository the workspace was checked out from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-action-remote-'))
    await git(dir, ['init', '--quiet'])
    const inputs = readActionInputs({})
    await git(dir, ['remote', 'add', 'origin', 'https://github.com/acme/widgets.git'])
    expect(await pullRequestRepository(inputs, dir, { GITHUB_REPOSITORY: 'acme/control' })).toBe('acme/widgets')
    await git(dir, ['remote', 'set-url', 'origin', 'https://gitlab.com/acme/widgets.git'])
    expect(await pullRequestRepository(inputs, dir, { GITHUB_REPOSITORY: 'acme/control' })).toBe('acme/control')
    expect(await pullRequestRepository(readActionInputs({ INPUT_REPOSITORY: 'acme/other' }), dir, {})).toBe(
      'acme/other',
    )
  })
})
