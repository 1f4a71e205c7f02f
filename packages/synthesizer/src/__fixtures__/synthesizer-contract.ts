import type { RepositoryContext } from '@gitlore/core'
import { findingCategories, severities } from '@gitlore/core'
import { repositoryContext } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { sortFindings } from '../sort-findings.js'
import type { Synthesizer } from '../synthesizer.js'

/** What every synthesizer (offline, agent) must do, run against one built by `create`. */
export function describeSynthesizerContract(name: string, create: () => Synthesizer, rich: RepositoryContext): void {
  describe(`${name} synthesizer contract`, () => {
    it('finds nothing in an empty window and says why', async () => {
      const result = await create().synthesize({ context: repositoryContext() })
      expect(result.findings).toEqual([])
      expect(result.notes.length).toBeGreaterThan(0)
      expect(result.synthesizer).toBe(create().kind)
    })

    it('returns well-formed findings, severest first, with unique ids and evidence', async () => {
      const { findings } = await create().synthesize({ context: rich })
      expect(findings.length).toBeGreaterThan(0)
      expect(findings).toEqual(sortFindings(findings))
      expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length)
      for (const finding of findings) {
        expect(findingCategories).toContain(finding.category)
        expect(severities).toContain(finding.severity)
        expect(finding.title.trim()).not.toBe('')
        expect(finding.insight.trim()).not.toBe('')
        expect(finding.evidence.length).toBeGreaterThan(0)
      }
    })

    it('stops when the signal is aborted', async () => {
      const controller = new AbortController()
      controller.abort(new Error('cancelled'))
      await expect(create().synthesize({ context: rich, signal: controller.signal })).rejects.toThrow('cancelled')
    })
  })
}
