import { realpath } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import {
  configFileName,
  readRepositoryConfigFile,
  readTrustEntries,
  revokeRepositoryTrust,
  tomlKeyName,
  trustRepositoryConfig,
  trustStorePath,
  UsageError,
  visibleText,
} from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { exitCodes } from '../terminal.js'
import { repositoryOptions } from './options.js'

async function repositoryRoot(input: CommandInput): Promise<string> {
  const { findRepository } = await import('@gitlore/pipeline')
  return realpath(await findRepository(repositoryOptions(input.flags, input.terminal).dir ?? input.terminal.cwd))
}

/**
 * `gitlore trust [allow|list|revoke]`: lets a repository's gitlore.toml set the keys that decide
 * where secrets are sent and files are written, for its current bytes only (like `direnv allow`).
 */
export async function runTrust(input: CommandInput): Promise<number> {
  const { positionals, terminal } = input
  const action = positionals[0] ?? 'allow'
  const env = terminal.env
  if (action !== 'allow' && action !== 'list' && action !== 'revoke') {
    throw new UsageError(`trust takes "allow", "list" or "revoke", got "${action}"`)
  }
  if (action === 'list') {
    const entries = await readTrustEntries(env)
    if (entries.length === 0) {
      terminal.stderr(`no trusted repository configurations (${trustStorePath(env)})\n`)
      return exitCodes.ok
    }
    const lines = await Promise.all(
      entries.map(async (entry) => {
        const current = await readRepositoryConfigFile(dirname(entry.file)).catch(() => null)
        const status = current === null ? 'missing' : current.sha256 === entry.sha256 ? 'trusted' : 'changed'
        return visibleText(`${status.padEnd(7)}  ${entry.trustedAt}  ${entry.sha256.slice(0, 12)}  ${entry.file}`)
      }),
    )
    terminal.stdout(`${lines.join('\n')}\n`)
    return exitCodes.ok
  }
  const root = await repositoryRoot(input)
  if (action === 'revoke') {
    const file = join(root, configFileName)
    const removed = await revokeRepositoryTrust({ file, env })
    terminal.stderr(
      removed === 0
        ? `${file} was not trusted; nothing to revoke\n`
        : `revoked trust in ${file}: its user-only keys are ignored again\n`,
    )
    return exitCodes.ok
  }
  const { entry, settings } = await trustRepositoryConfig({ repositoryDir: root, env })
  const shown =
    settings.length === 0
      ? 'it sets no user-only keys today'
      : `it may now set ${settings.map(({ key, value }) => `${tomlKeyName(key)} = ${JSON.stringify(value)}`).join(', ')}`
  terminal.stderr(
    `${visibleText(`trusted ${entry.file} (sha256 ${entry.sha256.slice(0, 12)}): ${shown}`, { multiline: false })}\n` +
      `trust lasts until the file changes; gitlore trust revoke --repo ${root} takes it back\n`,
  )
  return exitCodes.ok
}
