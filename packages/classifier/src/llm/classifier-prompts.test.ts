import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultClassifierPrompts, loadClassifierPrompts } from './classifier-prompts.js'

const promptsDir = join(import.meta.dirname, '..', '..', '..', '..', 'prompts')

describe('classifier prompts', () => {
  it('ships the texts of prompts/ (run pnpm build after editing them)', async () => {
    const shipped = await loadClassifierPrompts()
    expect(shipped.system).toBe(await readFile(join(promptsDir, 'classifier_system.txt'), 'utf8'))
    expect(shipped.user).toBe(await readFile(join(promptsDir, 'classifier_user.txt'), 'utf8'))
    expect(shipped).toEqual(defaultClassifierPrompts())
    expect(await loadClassifierPrompts({ dir: promptsDir })).toEqual(shipped)
  })

  it('reads your own texts from a directory, under another hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-prompts-'))
    await writeFile(join(dir, 'classifier_system.txt'), 'Classify.')
    await writeFile(join(dir, 'classifier_user.txt'), '{{count}} comments:\n{{comments}}')
    const own = await loadClassifierPrompts({ dir })
    expect(own.system).toBe('Classify.')
    expect(own.hash).not.toBe(defaultClassifierPrompts().hash)
  })
})
