/** How much of each part of the analysis goes into the XML. */
export interface AnalysisLimits {
  readonly themes: number
  /** Enriched samples per theme (at most 8). */
  readonly samples: number
  /** Lines of diff context per sample or notable comment. */
  readonly diffLines: number
  /** Replies per sample or notable comment. */
  readonly replies: number
  readonly notable: number
  readonly reverts: number
  readonly fixAfter: number
  readonly hotspots: number
  readonly coupling: number
  readonly hubs: number
  /** People and ownership entries. */
  readonly people: number
  /** Entries of each review-statistics list (reviewers, pairs, authors, discussed paths). */
  readonly reviewLists: number
  readonly pullRequests: number
  /** Entries of each CI list (workflows, jobs, failing tests, red commits, repairers). */
  readonly ci: number
}

/** The most the XML ever holds, before any budget applies. */
export const fullLimits: AnalysisLimits = {
  themes: 40,
  samples: 8,
  diffLines: 12,
  replies: 2,
  notable: 40,
  reverts: 40,
  fixAfter: 40,
  hotspots: 60,
  coupling: 60,
  hubs: 30,
  people: 40,
  reviewLists: 20,
  pullRequests: 80,
  ci: 30,
}

type Knob = keyof AnalysisLimits

interface ShrinkStep {
  readonly knob: Knob
  /** The value the step never goes below. */
  readonly floor: number
}

/**
 * The order in which the budget cuts, least important first: each step halves one part down to its
 * floor before the next step starts; a second round takes git lists and notable comments to nothing.
 * Review themes are cut last: they are what the synthesis leads with.
 */
export const shrinkOrder: readonly ShrinkStep[] = [
  { knob: 'pullRequests', floor: 0 },
  { knob: 'reviewLists', floor: 5 },
  { knob: 'people', floor: 5 },
  { knob: 'hubs', floor: 5 },
  { knob: 'coupling', floor: 10 },
  { knob: 'hotspots', floor: 10 },
  { knob: 'fixAfter', floor: 10 },
  { knob: 'reverts', floor: 10 },
  { knob: 'ci', floor: 10 },
  { knob: 'diffLines', floor: 0 },
  { knob: 'replies', floor: 0 },
  { knob: 'notable', floor: 5 },
  { knob: 'samples', floor: 1 },
  { knob: 'themes', floor: 5 },
  { knob: 'reviewLists', floor: 0 },
  { knob: 'people', floor: 0 },
  { knob: 'hubs', floor: 0 },
  { knob: 'coupling', floor: 0 },
  { knob: 'hotspots', floor: 0 },
  { knob: 'fixAfter', floor: 0 },
  { knob: 'reverts', floor: 0 },
  { knob: 'ci', floor: 0 },
  { knob: 'notable', floor: 0 },
  { knob: 'themes', floor: 1 },
]

const knobLabels: Readonly<Record<Knob, string>> = {
  themes: 'review themes',
  samples: 'samples per theme',
  diffLines: 'diff context lines',
  replies: 'replies',
  notable: 'notable comments',
  reverts: 'reverts',
  fixAfter: 'fix-after',
  hotspots: 'hotspots',
  coupling: 'coupling',
  hubs: 'hubs',
  people: 'people and ownership',
  reviewLists: 'review statistics lists',
  pullRequests: 'pull requests',
  ci: 'CI lists',
}

/** The cut order as a sentence, written into the XML so the reader knows what gave way first. */
export const cutOrder = shrinkOrder.map((step) => `${knobLabels[step.knob]} (to ${step.floor})`).join(', ')

/** The next smaller limits per `shrinkOrder`, or null when every part is at its last floor. */
export function shrink(limits: AnalysisLimits): AnalysisLimits | null {
  for (const step of shrinkOrder) {
    const value = limits[step.knob]
    if (value > step.floor) return { ...limits, [step.knob]: Math.max(step.floor, Math.floor(value / 2)) }
  }
  return null
}
