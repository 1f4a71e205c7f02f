import { GitloreError } from '@gitlore/core'

/** A model name that is not `openrouter/<id>`, `openai/<id>`, `compatible/<id>` or `offline`. */
export class ModelNameError extends GitloreError {
  /** The name as given. */
  readonly modelName: string

  constructor({ name, key }: { name: string; key?: string }) {
    const where = key === undefined ? '' : ` (${key})`
    super({
      code: 'model_name_invalid',
      kind: 'usage',
      message:
        `unknown model name "${name}"${where}: use openrouter/<model>, openai/<model>, compatible/<model> ` +
        'or offline, e.g. openrouter/google/gemini-3-flash-preview',
    })
    this.name = 'ModelNameError'
    this.modelName = name
  }
}
