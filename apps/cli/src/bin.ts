#!/usr/bin/env node
// The entry point. It must parse and run on any Node.js, so that an old one gets one clear line
// instead of a SyntaxError from code it cannot read: everything else loads after the check.
const found = process.versions.node
if (Number(found.split('.')[0]) < 22) {
  process.stderr.write(`gitlore needs Node.js 22 or newer; found v${found}\n`)
  process.exit(1)
}
const { runCli } = await import('./run-cli.js')
await runCli()
