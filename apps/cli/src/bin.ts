#!/usr/bin/env node
import { enableCompileCache } from 'node:module'
import { main } from './main.js'
import { processTerminal } from './terminal.js'

enableCompileCache?.()
const controller = new AbortController()
process.once('SIGINT', () => {
  controller.abort()
  // A second Ctrl-C stops at once.
  process.once('SIGINT', () => process.exit(130))
})
process.exitCode = await main(process.argv.slice(2), processTerminal(), controller.signal)
