import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSynthesisPrompts, loadSynthesisPrompts } from './synthesis-prompts.js'

const promptsDir = join(import.meta.dirname, '..', '..', '..', '..', 'prompts')

describe('synthesis prompts', () => {
  it('ships the texts of prompts/ (run pnpm build after editing them)', async () => {
    const shipped = await loadSynthesisPrompts()
    expect(shipped.system).toBe(await readFile(join(promptsDir, 'synthesis_system.txt'), 'utf8'))
    expect(shipped.user).toBe(await readFile(join(promptsDir, 'synthesis_user.txt'), 'utf8'))
    expect(shipped).toEqual(defaultSynthesisPrompts())
    expect(await loadSynthesisPrompts({ dir: promptsDir })).toEqual(shipped)
  })

  it('reads your own texts from a directory, under another hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-prompts-'))
    await writeFile(join(dir, 'synthesis_system.txt'), 'Investigate.')
    await writeFile(join(dir, 'synthesis_user.txt'), '{{analysis}}')
    const own = await loadSynthesisPrompts({ dir })
    expect(own.system).toBe('Investigate.')
    expect(own.hash).not.toBe(defaultSynthesisPrompts().hash)
  })
})
