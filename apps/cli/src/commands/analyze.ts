import { resolve } from 'node:path'
import type { CommandInput } from '../main.js'
import { collectContext } from '../pipeline/collect-context.js'
import { Progress } from '../progress.js'
import { exitCodes } from '../terminal.js'

/**
 * `gitlore analyze`: context, then findings, then reports. Only the offline synthesizer exists so
 * far, so every run is offline; later stages (reviews, LLM) plug in here.
 */
export async function runAnalyze({ flags, terminal }: CommandInput): Promise<number> {
  const started = Date.now()
  const progress = new Progress(terminal)
  const { context, config, root, degraded } = await collectContext(flags, terminal, progress, {
    writeContext: flags['dry-run'] !== true,
  })
  const [{ createSynthesizer }, { writeOutputs }] = await Promise.all([
    import('@gitlore/synthesizer'),
    import('@gitlore/formatters'),
  ])
  if (flags.offline !== true) progress.note('note: review mining and LLM stages are not built yet; running offline')
  const result = await createSynthesizer({ kind: 'offline' }).synthesize({ context })
  for (const note of result.notes) progress.note(`note: ${note}`)

  const formats = config.output.formats
  const outDir = typeof flags.out === 'string' ? resolve(terminal.cwd, flags.out) : resolve(root, config.output.dir)
  const written = await writeOutputs(
    {
      context,
      findings: result.findings,
      synthesizer: result.synthesizer,
      generatedAt: new Date().toISOString(),
      degradedStages: degraded,
      notes: result.notes,
    },
    { formats, dir: outDir, dryRun: flags['dry-run'] === true },
  )
  if (flags['dry-run'] === true) {
    for (const output of written) terminal.stdout(output.content)
  }
  for (const stage of degraded) progress.note(`warning: ${stage.stage}: ${stage.error}`)
  const verb = flags['dry-run'] === true ? 'would write' : 'wrote'
  progress.note(
    `${result.findings.length} findings; ${verb} ${written.map((output) => output.path).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return degraded.length > 0 ? exitCodes.degraded : exitCodes.ok
}
