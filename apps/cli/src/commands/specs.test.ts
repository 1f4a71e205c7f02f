import { userOnlyKeys } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { commandHelp, commandSpecs, trustSpec } from './specs.js'

describe('gitlore <command> --help', () => {
  it('lists -h, --help with the other options, before the notes that follow them', () => {
    for (const spec of commandSpecs) {
      const help = commandHelp(spec).split('\n')
      const at = help.indexOf('  -h, --help                 show this help')
      // Nothing after -h, --help is an option line, and an option line comes right before it.
      expect(
        help.slice(at + 1).filter((line) => /^ {2}-/.test(line)),
        spec.name,
      ).toEqual([])
      expect(help[at - 1], spec.name).toMatch(/^ {2}\S/)
    }
    const advise = commandHelp(commandSpecs.find((spec) => spec.name === 'advise') ?? commandSpecs[0]!)
    expect(advise).toMatch(/show this help\n\nAnswers from the knowledge index [^\n]*\n\(except --synthesize\)\.\n$/)
  })

  it('names every key gitlore trust decides on in its help', () => {
    const help = commandHelp(trustSpec).replace(/\s+/g, ' ')
    for (const key of userOnlyKeys) {
      const [section, name] = [key.split('.').slice(0, -1).join('.'), key.split('.').at(-1) as string]
      const table = help.slice(help.indexOf(`[${section}]`))
      expect(table, key).toMatch(new RegExp(`^\\[${section.replace(/[.*]/g, '\\$&')}\\][^[]*\\b${name}\\b`))
    }
  })
})
