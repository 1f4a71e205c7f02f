#!/usr/bin/env node
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GitloreError } from '@gitlore/core'
import { runAction } from './run-action.js'

// The action runs from its own checkout: the CLI is the bundle built beside this script.
const actionRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..')
try {
  const result = await runAction({ env: process.env, cli: join(actionRoot, 'apps', 'cli', 'bundle', 'bin.js') })
  process.exitCode = result.exitCode
} catch (error) {
  const message = GitloreError.isInstance(error) || error instanceof Error ? error.message : String(error)
  process.stderr.write(`::error title=gitlore::${message.split('\n')[0]}\n`)
  process.exitCode = 1
}
