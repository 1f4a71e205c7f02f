import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { configFileName, configTemplate, UsageError, writeFileAtomic } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { repositoryArgument } from './options.js'

/** `gitlore init`: writes a commented gitlore.toml with every key at its default. */
export async function runInit({ flags, terminal }: CommandInput): Promise<number> {
  const dir = await repositoryArgument(flags, terminal.cwd)
  const path = join(dir, configFileName)
  const exists = await access(path).then(
    () => true,
    () => false,
  )
  if (exists && flags.force !== true) {
    throw new UsageError(`${path} already exists: edit it, or pass --force to replace it with the defaults`)
  }
  await writeFileAtomic(path, configTemplate)
  terminal.stderr(`wrote ${path}\n`)
  return exitCodes.ok
}
