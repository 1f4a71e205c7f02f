import { access } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { configFileName, configTemplate, UsageError, writeConfinedFile } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'

/** `gitlore init`: writes a commented gitlore.toml with every key at its default. */
export async function runInit({ flags, terminal }: CommandInput): Promise<number> {
  const { repositoryDirectory } = await import('@gitlore/pipeline')
  const dir = await repositoryDirectory(resolve(terminal.cwd, typeof flags.repo === 'string' ? flags.repo : '.'))
  const path = join(dir, configFileName)
  const exists = await access(path).then(
    () => true,
    () => false,
  )
  if (exists && flags.force !== true) {
    throw new UsageError(`${path} already exists: edit it, or pass --force to replace it with the defaults`)
  }
  // Never through a committed link: `gitlore.toml -> ~/.bashrc` is refused, not overwritten.
  await writeConfinedFile(path, configTemplate, { root: dir })
  terminal.stderr(`wrote ${path}\n`)
  return exitCodes.ok
}
