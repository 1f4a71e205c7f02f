import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostileCiStats } from '../__fixtures__/ci-stats.js'
import { hostileFinding, hostileReviewInput, hostileText, realisticReportInput } from '../__fixtures__/report-input.js'
import type { ReportInput } from '../formatter.js'
import { HtmlFormatter, reportContentSecurityPolicy } from './html-formatter.js'

// Debian's chromium (`apt-get install chromium`; .ci/run installs it). The flags keep a browser
// on a machine without network from trying to reach out.
const executablePath = process.env.GITLORE_CHROMIUM ?? '/usr/bin/chromium'
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
// The README's screenshot is refreshed only on request (GITLORE_UPDATE_SCREENSHOT=1), so a test
// run never changes a tracked file; otherwise the screenshot goes to the temporary directory.
const docsScreenshot = fileURLToPath(new URL('../../docs/report-screenshot.png', import.meta.url))

let browser: Browser
let directory: string | undefined

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: run apt-get install chromium, or set GITLORE_CHROMIUM to one`)
  }
  browser = await chromium.launch({ executablePath, args: chromiumArgs })
  directory = await mkdtemp(join(tmpdir(), 'gitlore-html-'))
})

afterAll(async () => {
  await browser?.close()
  if (directory !== undefined) await rm(directory, { recursive: true, force: true })
})

interface OpenedReport {
  readonly page: Page
  /** Every URL the page asked for, the report file itself included. */
  readonly requests: string[]
  /** Dialogs (alert, confirm, prompt) the page tried to open. */
  readonly dialogs: string[]
  readonly url: string
}

async function open(name: string, input: ReportInput, colorScheme: 'light' | 'dark' = 'light'): Promise<OpenedReport> {
  const path = join(directory ?? tmpdir(), `${name}.html`)
  await writeFile(path, new HtmlFormatter().format(input).content)
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme })
  const requests: string[] = []
  const dialogs: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const url = pathToFileURL(path).href
  await page.goto(url, { waitUntil: 'load' })
  return { page, requests, dialogs, url }
}

function visibleTitles(page: Page): Promise<string[]> {
  return page.locator('.finding:visible h3').allInnerTexts()
}

describe('the HTML report in headless Chromium', () => {
  it('renders findings and non-empty charts, loading nothing but itself', async () => {
    const report = await open('realistic', realisticReportInput())
    const { page } = report
    expect(await visibleTitles(page)).toHaveLength(6)
    const charts = await page.locator('svg').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect()
        return { label: svg.getAttribute('aria-labelledby'), width: box.width, height: box.height }
      }),
    )
    expect(charts.map((chart) => chart.label)).toEqual([
      'chart-review-load',
      'chart-hotspots',
      'chart-coupling',
      'chart-ownership',
      'chart-people',
    ])
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(100)
      expect(chart.height).toBeGreaterThan(20)
    }
    expect(await page.locator('svg .bar').count()).toBeGreaterThan(20)
    const screenshot =
      process.env.GITLORE_UPDATE_SCREENSHOT === '1' ? docsScreenshot : join(directory ?? tmpdir(), 'report.png')
    expect((await page.screenshot({ path: screenshot })).length).toBeGreaterThan(10_000)
    expect(report.requests).toEqual([report.url])
    await page.close()
  })

  it('leads with the review themes, each with its label, size, files and quotes linking to GitHub', async () => {
    const { page } = await open('reviews-first', realisticReportInput())
    const sections = await page
      .locator('main > section')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('id')))
    expect(sections[0]).toBe('reviews')
    expect(sections.indexOf('reviews')).toBeLessThan(sections.indexOf('findings'))
    const themes = page.locator('.theme')
    expect(await themes.locator('h3').allInnerTexts()).toEqual([
      'Move SQL out of handlers into repositories',
      'Missing tests for error paths',
      'Unclear names of feature flags',
      'Noisy logging at the wrong level',
    ])
    const first = themes.first()
    expect(await first.locator('.theme-facts').textContent()).toBe(
      '14 comments in 3 pull requests · 12 of 14 review threads resolved',
    )
    expect(await first.locator('blockquote').count()).toBe(3)
    expect(await first.locator('blockquote code').first().textContent()).toBe('OrderRepository')
    expect(await first.locator('blockquote').first().textContent()).toBe(
      'Please move this query into OrderRepository; handlers should not build SQL.',
    )
    expect(await first.locator('.attribution a').first().getAttribute('href')).toBe(
      'https://github.com/acme/widgets/pull/401#discussion_r1000',
    )
    // The theme cards are on screen before the first finding.
    const themeTop = (await first.boundingBox())?.y ?? Number.POSITIVE_INFINITY
    const findingTop = (await page.locator('.finding').first().boundingBox())?.y ?? 0
    expect(themeTop).toBeLessThan(findingTop)
    expect(await page.getByText('1 theme of praise, thanks or approval not shown.', { exact: false }).count()).toBe(1)
    expect(await page.locator('table.areas tbody tr').count()).toBe(2)
    await page.close()
  })

  it('filters findings by severity and category with real clicks', async () => {
    const { page } = await open('filters', realisticReportInput())
    await page.click('label[for="show-severity-high"]')
    expect(await visibleTitles(page)).toEqual([
      'Handlers talk to the database only through repositories',
      'Commit subjects use Conventional Commits',
      'Snapshot tests are updated by hand',
    ])

    await page.click('label[for="show-category-convention"]')
    expect(await visibleTitles(page)).toEqual([
      'Handlers talk to the database only through repositories',
      'Snapshot tests are updated by hand',
    ])

    await page.click('label[for="show-severity-high"]')
    expect(await visibleTitles(page)).toHaveLength(5)
    expect(await page.isChecked('#show-severity-high')).toBe(true)
    expect(await page.isChecked('#show-category-convention')).toBe(false)
    await page.close()
  })

  it('is readable in light and dark', async () => {
    const { page } = await open('schemes', realisticReportInput())
    const colours = () =>
      page.evaluate(() => {
        // This runs in the page; the package's types know no DOM, so name the little it uses.
        const browser = globalThis as unknown as {
          document: { querySelector(selector: string): unknown }
          getComputedStyle(element: unknown): { backgroundColor: string; color: string; fill: string }
        }
        const style = (selector: string) => browser.getComputedStyle(browser.document.querySelector(selector))
        return { background: style('body').backgroundColor, text: style('h1').color, bar: style('svg .bar').fill }
      })
    const light = await colours()
    await page.emulateMedia({ colorScheme: 'dark' })
    const dark = await colours()
    expect(light.background).toBe('rgb(255, 255, 255)')
    expect(dark.background).toBe('rgb(13, 17, 23)')
    expect(light.text).not.toBe(light.background)
    expect(dark.text).not.toBe(dark.background)
    expect(dark.text).not.toBe(light.text)
    expect(dark.bar).not.toBe(light.bar)
    expect(await visibleTitles(page)).toHaveLength(6)
    await page.close()
  })

  it('shows hostile text as text and runs none of it', async () => {
    const input = realisticReportInput()
    const hostile = hostileReviewInput()
    const report = await open('hostile', {
      ...hostile,
      context: { ...hostile.context, ci: hostileCiStats() },
      findings: [hostileFinding, ...input.findings],
      notes: [hostileText.script],
      synthesizer: hostileText.image,
    })
    const { page } = report
    const title = page.locator('.finding h3').filter({ hasText: 'Hostile' })
    expect(await title.textContent()).toBe(`Hostile ${hostileText.script} ${hostileText.image}`)
    await expect.poll(() => page.getByText(hostileText.link, { exact: true }).isVisible()).toBe(true)
    // The javascript: ref is plain text; clicking it does nothing.
    await page.getByText(hostileText.link, { exact: true }).click()
    expect(await page.locator('a[href^="javascript"], script, img, [onerror]').count()).toBe(0)
    // Hostile theme labels and quotes are text too.
    expect(await page.locator('.theme h3').first().textContent()).toContain(hostileText.script)
    expect(await page.locator('.quotes blockquote').first().textContent()).not.toContain('javascript')
    // So are job names, test names and commit subjects from GitHub and git.
    expect(await page.locator('#ci-jobs td').first().textContent()).toContain(hostileText.script)
    expect(await page.locator('#ci-red-commits td:nth-child(2)').first().textContent()).toContain(hostileText.image)
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(report.dialogs).toEqual([])
    expect(report.requests).toEqual([report.url])
    expect(page.url()).toBe(report.url)
    // Even a missed escape could not run script: the page's own policy forbids it.
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(
      reportContentSecurityPolicy,
    )
    await page.close()
  })
})
