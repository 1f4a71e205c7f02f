import type { Finding } from '@gitlore/core'
import { repositoryContext } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { create } from 'xmlbuilder2'
import {
  hostileFinding,
  hostileReviewInput,
  realisticFindings,
  realisticReportInput,
} from './__fixtures__/report-input.js'
import { blockBegin, blockEnd } from './assistant/managed-block.js'
import { createFormatter } from './create-formatter.js'
import type { FormatterName, ReportInput } from './formatter.js'
import { supportedFormats } from './formatter.js'
import { findingDirective } from './shared/assistant-safety.js'

/** Where each format's file goes, as ARCHITECTURE.md ("Outputs") names them. */
const expectedPaths: Readonly<Record<FormatterName, string>> = {
  report: 'gitlore-report.md',
  html: 'gitlore-report.html',
  xml: 'findings.xml',
  json: 'findings.json',
  claude_md: 'CLAUDE.md',
  agents_md: 'AGENTS.md',
  cursor_rules: '.cursor/rules/gitlore.mdc',
  copilot: '.github/copilot-instructions.md',
}

function render(format: FormatterName, input: ReportInput): string {
  const formatter = createFormatter(format)
  const file = formatter.format(input)
  // A file shared with people is what gets written: the rendered part merged into nothing.
  return formatter.merge === undefined ? file.content : formatter.merge(null, file)
}

function markerLines(content: string): string[] {
  return content.split(/\r?\n/).filter((line) => line.trim() === blockBegin || line.trim() === blockEnd)
}

// Raw `<script` or `<img` outside a code span would be live HTML in a markdown viewer.
function expectNoLiveMarkup(markdown: string): void {
  const outsideCode = markdown.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '')
  expect(outsideCode).not.toMatch(/(?<!\\)<(script|img)/i)
}

/**
 * Reads a rendered file back the way its consumers would, failing when the format is broken,
 * and returns the number of findings it holds.
 */
const readBack: Readonly<Record<FormatterName, (content: string, findings: readonly Finding[]) => number>> = {
  report: (content) => {
    expectNoLiveMarkup(content)
    return content.split('\n').filter((line) => line.startsWith('#### ')).length
  },
  html: (content) => {
    expect(content).not.toMatch(/<script|<img|<[^>]*\son\w+\s*=|href="(?!https?:)/i)
    expect(content).toContain('<meta http-equiv="Content-Security-Policy"')
    return content.match(/<article class="finding"/g)?.length ?? 0
  },
  xml: (content, findings) => {
    const root = create(content).root().node as unknown as XmlNode
    const elements = children(root, 'finding')
    expect(elements.map((element) => children(element, 'title')[0]?.textContent)).toEqual(
      findings.map((finding) => finding.title),
    )
    return elements.length
  },
  json: (content, findings) => {
    const document = JSON.parse(content) as { findings: Finding[] }
    expect(document.findings).toEqual(findings)
    return document.findings.length
  },
  claude_md: assistantFile,
  agents_md: assistantFile,
  copilot: assistantFile,
  cursor_rules: (content, findings) => {
    const lines = content.split('\n')
    expect(lines[0]).toBe('---')
    expect(lines[1]).toMatch(/^description: [^:#\n]+$/)
    expect(lines[2]).toMatch(/^globs:( [\w./@+*-]+(, [\w./@+*-]+)*)?$/)
    expect(lines[3]).toMatch(/^alwaysApply: (true|false)$/)
    expect(lines[4]).toBe('---')
    return assistantFile(lines.slice(5).join('\n'), findings)
  },
}

/** The little of the DOM the XML check reads. */
interface XmlNode {
  readonly nodeName: string
  readonly textContent: string | null
  readonly childNodes: Iterable<XmlNode>
}

function children(node: XmlNode, name: string): XmlNode[] {
  return [...node.childNodes].filter((child) => child.nodeName === name)
}

function assistantFile(content: string, _findings: readonly Finding[]): number {
  expect(markerLines(content)).toEqual([blockBegin, blockEnd])
  expectNoLiveMarkup(content)
  return content.split('\n').filter((line) => line.startsWith('- **')).length
}

const assistantFormats: ReadonlySet<FormatterName> = new Set(['claude_md', 'agents_md', 'copilot', 'cursor_rules'])

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return { ...realisticReportInput(), ...overrides }
}

describe.each(supportedFormats)('formatter contract: %s', (format) => {
  it(`writes ${expectedPaths[format]}`, () => {
    expect(createFormatter(format).name).toBe(format)
    expect(createFormatter(format).format(input()).path).toBe(expectedPaths[format])
  })

  it('renders the same bytes for the same input', () => {
    const first = render(format, input())
    expect(render(format, input())).toBe(first)
    expect(render(format, structuredClone(input()))).toBe(first)
  })

  it('shows every finding title', () => {
    const content = render(format, input())
    for (const finding of realisticFindings) expect(content).toContain(finding.title)
    expect(readBack[format](content, realisticFindings)).toBe(realisticFindings.length)
  })

  it('handles no findings and an empty repository', () => {
    const empty: ReportInput = {
      context: repositoryContext({ repo: { path: '/srv/empty', head: null, branch: null, remote: null } }),
      findings: [],
      synthesizer: 'offline',
      generatedAt: '2024-04-01T12:00:00.000Z',
    }
    const content = render(format, empty)
    expect(content.length).toBeGreaterThan(0)
    expect(readBack[format](content, [])).toBe(0)
  })

  it('leads with what reviewers keep asking for: themes with their quotes before the findings', () => {
    const content = render(format, input())
    const firstTheme = content.indexOf('Move SQL out of handlers into repositories')
    const firstFinding = Math.min(...realisticFindings.map((finding) => content.indexOf(finding.title)))
    expect(firstTheme).toBeGreaterThan(-1)
    expect(firstTheme).toBeLessThan(firstFinding)
    // Every theme in size order, praise left out; a quote of the largest one with its link.
    const order = ['Move SQL out', 'Missing tests for error paths', 'Unclear names', 'Noisy logging'].map((label) =>
      content.indexOf(label),
    )
    expect(order.every((position, index) => position > (order[index - 1] ?? -1))).toBe(true)
    expect(content).not.toContain('Thanks and approvals')
    expect(content).toContain('handlers should not build SQL')
    expect(content).toContain('https://github.com/acme/widgets/pull/401#discussion_r1000')
  })

  it('keeps hostile theme labels and quotes from breaking the format', () => {
    const content = render(format, hostileReviewInput())
    expect(readBack[format](content, realisticFindings)).toBe(realisticFindings.length)
    expect(content).not.toContain('javascript:alert')
  })

  it('keeps hostile text from breaking the format', () => {
    const findings = [hostileFinding, ...realisticFindings]
    const content = render(
      format,
      input({ findings, notes: [hostileFinding.title], synthesizer: hostileFinding.title }),
    )
    // Assistant files leave out a finding that tries to close their section (the report marks it).
    const shown = assistantFormats.has(format)
      ? findings.filter((finding) => findingDirective(finding) === null)
      : findings
    expect(shown.length).toBe(assistantFormats.has(format) ? realisticFindings.length : findings.length)
    expect(readBack[format](content, shown)).toBe(shown.length)
  })
})
