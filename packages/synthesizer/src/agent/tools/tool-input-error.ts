/** A tool call the tools refuse or cannot answer; its message is what the model is told. */
export class ToolInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ToolInputError'
  }
}
