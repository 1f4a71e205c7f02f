import { GitloreError } from '@gitlore/core'

/** A model answered, but not in a form gitlore can use; `text` is the raw answer, for the transcript. */
export class ModelOutputError extends GitloreError {
  /** The model's raw answer. */
  readonly text: string
  /** The model that answered, as `provider/model`. */
  readonly model: string

  constructor({ model, text, message, cause }: { model: string; text: string; message: string; cause?: unknown }) {
    super({ code: 'model_output_invalid', message, cause })
    this.name = 'ModelOutputError'
    this.text = text
    this.model = model
  }
}
