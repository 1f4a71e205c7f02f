import { describe, expect, it } from 'vitest'
import { hostileFinding, realisticReportInput } from '../__fixtures__/report-input.js'
import { assistantGuidance } from './assistant-guidance.js'
import { CursorRulesFormatter } from './cursor-rules-formatter.js'
import { managedBlock } from './managed-block.js'

const formatter = new CursorRulesFormatter()

function frontmatter(content: string): string {
  return content.slice(0, content.indexOf('\n---\n') + 5)
}

describe('CursorRulesFormatter', () => {
  it('writes .cursor/rules/gitlore.mdc, attached to the files the findings name', () => {
    const file = formatter.format(realisticReportInput())
    expect(file.path).toBe('.cursor/rules/gitlore.mdc')
    expect(frontmatter(file.content)).toMatchInlineSnapshot(`
      "---
      description: What gitlore learned from this repository's history (fragile areas, conventions, files that change together, who to ask)
      globs: src/db/pool.ts, src/billing/invoice.ts, src/billing/**, src/api/orders.ts, src/repositories/**, src/ui/__snapshots__/**
      alwaysApply: false
      ---
      "
    `)
    expect(file.content.slice(frontmatter(file.content).length)).toMatch(/^\n<!-- gitlore:begin -->\n## /)
  })

  it('applies always when the findings name no files, and leaves unsafe paths out of the globs', () => {
    const input = realisticReportInput()
    expect(frontmatter(formatter.format({ ...input, findings: [] }).content)).toMatchInlineSnapshot(`
      "---
      description: What gitlore learned from this repository's history (fragile areas, conventions, files that change together, who to ask)
      globs:
      alwaysApply: true
      ---
      "
    `)
    const hostile = frontmatter(formatter.format({ ...input, findings: [hostileFinding] }).content)
    expect(hostile).toContain('\nglobs: src/ok.ts\n')
  })

  it('rewrites its frontmatter and block, keeping notes added outside the markers', () => {
    const input = realisticReportInput()
    const old = formatter.format({ ...input, findings: input.findings.slice(0, 1) })
    const edited = `${old.content.replace('alwaysApply: false', 'alwaysApply: true')}\nMy own rule: run \`pnpm lint\`.\n`
    const rendered = formatter.format(input)
    const merged = formatter.merge(edited, rendered)
    expect(merged).toBe(`${rendered.content}\nMy own rule: run \`pnpm lint\`.\n`)
    expect(formatter.merge(merged, rendered)).toBe(merged)
  })

  it('adds its frontmatter above a rule file that has none', () => {
    const input = realisticReportInput()
    const rendered = formatter.format(input)
    expect(formatter.merge('Hand-written rule.\n', rendered)).toBe(
      `${frontmatter(rendered.content)}Hand-written rule.\n\n${managedBlock(assistantGuidance(input))}`,
    )
  })
})
