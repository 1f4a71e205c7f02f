import { readFile } from 'node:fs/promises'
import { repositoryContext, sha } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { ciReportInput, flakyTestName, hostileCiStats } from '../__fixtures__/ci-stats.js'
import { hostileFinding, realisticReportInput } from '../__fixtures__/report-input.js'
import type { ReportInput } from '../formatter.js'
import { XmlFormatter } from './xml-formatter.js'

// libxml2's xmllint compiled to WebAssembly: the same validator as Debian's xmllint, offline.
async function validate(xml: string): Promise<readonly string[]> {
  const schema = await readFile(new URL('../../schema/findings.v1.xsd', import.meta.url), 'utf8')
  const result = await validateXML({
    xml: [{ fileName: 'findings.xml', contents: xml }],
    schema: [{ fileName: 'findings.v1.xsd', contents: schema }],
  })
  return result.errors.map((error) => error.message)
}

function render(input: ReportInput): string {
  return new XmlFormatter().format(input).content
}

describe('XmlFormatter', () => {
  it('writes findings.xml in a small, readable shape', () => {
    const xml = render({
      context: repositoryContext({ repo: { path: '/srv/widgets', head: sha('a'), branch: null, remote: null } }),
      findings: [
        {
          id: 'convention-1',
          title: 'Commit subjects use Conventional Commits',
          category: 'convention',
          severity: 'medium',
          insight: 'Use `type(scope): summary` & keep it short.',
          evidence: [{ source: 'git', text: '82% of subjects', ref: sha('1') }],
          files: ['package.json'],
        },
      ],
      synthesizer: 'offline',
      generatedAt: '2024-04-01T12:00:00.000Z',
      degradedStages: [{ stage: 'github', error: 'no GitHub token' }],
      notes: ['Offline synthesizer.'],
    })
    expect(xml).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <findings schemaVersion="1">
        <generatedAt>2024-04-01T12:00:00.000Z</generatedAt>
        <repository>
          <path>/srv/widgets</path>
          <head>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</head>
        </repository>
        <window>
          <since>2024-01-01T00:00:00.000Z</since>
          <until>2024-03-31T23:59:59.000Z</until>
        </window>
        <synthesizer>offline</synthesizer>
        <degradedStage kind="degraded">
          <stage>github</stage>
          <error>no GitHub token</error>
        </degradedStage>
        <note>Offline synthesizer.</note>
        <finding id="convention-1" category="convention" severity="medium">
          <title>Commit subjects use Conventional Commits</title>
          <insight>Use \`type(scope): summary\` &amp; keep it short.</insight>
          <evidence source="git">
            <text>82% of subjects</text>
            <ref>1111111111111111111111111111111111111111</ref>
          </evidence>
          <file>package.json</file>
        </finding>
      </findings>
      "
    `)
  })

  it('is valid against the published schema, for a full, an empty and a hostile run', async () => {
    const full = realisticReportInput()
    const empty: ReportInput = {
      context: repositoryContext({ repo: { path: '/srv/empty', head: null, branch: null, remote: null } }),
      findings: [],
      synthesizer: 'offline',
      generatedAt: '2024-04-01T12:00:00.000Z',
    }
    const hostile: ReportInput = { ...full, findings: [hostileFinding], notes: [hostileFinding.insight] }
    expect(await validate(render(full))).toEqual([])
    expect(await validate(render(empty))).toEqual([])
    expect(await validate(render(hostile))).toEqual([])
  })

  it('carries the CI statistics after the findings, valid against the schema, hostile names included', async () => {
    const xml = render(ciReportInput())
    expect(await validate(xml)).toEqual([])
    expect(await validate(render(ciReportInput(hostileCiStats())))).toEqual([])
    expect(xml.indexOf('<ci ')).toBeGreaterThan(xml.lastIndexOf('</finding>'))
    expect(xml).toContain(
      '<ci defaultBranch="main" runs="52" attempts="61" jobs="190" logsStored="9" logsExpired="2" logsUnavailable="0">',
    )
    expect(xml).toContain('flakyTests="1"')
    expect(xml).toMatch(
      /<test [^>]*failedRuns="7" reruns="7" rerunPassed="6"[^>]*flaky="true"[^>]*>\s*<name>test\/test_ops\.py::test_conv2d<\/name>/,
    )
    expect(xml).toContain(flakyTestName)
    expect(xml).toMatch(
      /<redCommit sha="3{40}"[^>]*repairedBy="cy@acme.dev"[^>]*>\s*<subject>Speed up tokenizer<\/subject>/,
    )
    expect(xml).toContain('<timeToGreen median="17.2" p90="17.2" count="1"/>')
    expect(render(realisticReportInput())).not.toContain('<ci')
  })

  it('keeps text exactly, except characters XML cannot hold', () => {
    const xml = render({ ...realisticReportInput(), findings: [hostileFinding] })
    expect(xml).toContain('<title>Hostile &lt;script&gt;window.__pwned=1&lt;/script&gt;')
    expect(xml).toContain('<ref>javascript:window.__pwned=3</ref>')
    // NUL, BEL, ESC and a lone surrogate are not XML characters at all, even escaped.
    expect(xml).toContain('\uFFFD\uFFFD\uFFFD[31m \uFFFD "quoted"')
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
  })

  it('has a schema that rejects what it should', async () => {
    const xml = render(realisticReportInput())
    const errors = await validate(xml.replace('severity="high"', 'severity="critical"'))
    expect(errors.join('\n')).toContain("'critical' is not an element of the set")
    expect(await validate(xml.replace(/<synthesizer>.*<\/synthesizer>/, ''))).not.toEqual([])
    expect(await validate(xml.replace('schemaVersion="1"', 'schemaVersion="2"'))).not.toEqual([])
  })
})
