import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { configTemplate } from './config-template.js'
import { parseConfig } from './load-config.js'

describe('configTemplate', () => {
  it('sets no key: every key is commented out', () => {
    const tables = Object.values(parse(configTemplate)).flatMap((table) => Object.values(table as object))
    expect(tables.filter((value) => typeof value !== 'object')).toEqual([])
  })

  it('lists every key at exactly its default', () => {
    const fromTemplate = parse(configTemplate.replace(/^# ([a-z_]+ = )/gm, '$1'))
    expect(parseConfig(fromTemplate)).toEqual(parseConfig({}))
    // Every section and key of the schema appears in the template, so none is undocumented.
    const defaults = parseConfig({}) as Record<string, Record<string, unknown>>
    for (const [section, keys] of Object.entries(defaults)) {
      expect(fromTemplate).toHaveProperty(section)
      for (const key of Object.keys(keys)) expect(fromTemplate[section]).toHaveProperty(key)
    }
  })
})
