import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain script without types
import { generateContextValidator } from '../../scripts/generate-context-validator.mjs'
import { SchemaValidationError } from '../errors/schema-validation-error.js'
import { validateContext } from './validate-context.js'

const minimal = {
  schemaVersion: 1,
  repo: { path: '/r', head: null, branch: null, remote: null },
  window: { since: '2025-01-01T00:00:00.000Z', until: '2025-02-01T00:00:00.000Z' },
  warnings: [],
  commits: { total: 0, merges: 0, authors: 0 },
  hotspots: [],
  coupling: [],
  hubs: [],
  reverts: [],
  fixAfter: [],
  conventions: {
    conventionalShare: 0,
    prefixes: {},
    prNumberSuffixShare: 0,
    medianSubjectLength: 0,
    coAuthoredShare: 0,
  },
  ownership: [],
  people: [],
  files: [],
  generated: { files: 0, byReason: {} },
  automation: { bots: [], releaseCommits: 0, commits: 0 },
  identities: [],
  knowledgeLoss: { inactiveDays: 180, asOf: '2025-02-01T00:00:00.000Z', inactiveAuthors: 0, authors: [], paths: [] },
  totals: { hotspots: 0, coupling: 0, hubs: 0, fixAfter: 0, people: 0, knowledgeLoss: 0 },
  settings: {
    maxChangesetSize: 30,
    minSharedCommits: 3,
    fixWindowDays: 7,
    top: 100,
    includeGenerated: false,
    includeAutomation: false,
    mergeIdentities: true,
    inactiveDays: 180,
    headFilesRead: false,
  },
}

describe('validateContext', () => {
  it('accepts a valid document and names what is wrong in an invalid one', () => {
    expect(() => validateContext(minimal)).not.toThrow()
    const broken = { ...minimal, commits: { total: -1, merges: 0, authors: 0 }, extra: true }
    expect(() => validateContext(broken)).toThrow(SchemaValidationError)
    expect(() => validateContext(broken)).toThrow(/\/commits\/total must be >= 0/)
    expect(() => validateContext({ ...minimal, window: { since: 'yesterday', until: minimal.window.until } })).toThrow(
      /\/window\/since must match format "date-time"/,
    )
  })

  it('uses a validator generated from the current schema file', () => {
    const generated = readFileSync(new URL('./context-validator.generated.ts', import.meta.url), 'utf8')
    expect(generated, 'run node packages/core/scripts/generate-context-validator.mjs').toBe(generateContextValidator())
  })
})
