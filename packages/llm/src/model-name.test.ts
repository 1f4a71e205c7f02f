import { GitloreError } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { ModelNameError } from './errors/model-name-error.js'
import { parseModelName } from './model-name.js'

describe('parseModelName', () => {
  it('keeps everything after the provider as the model id', () => {
    expect(parseModelName('openrouter/google/gemini-3-flash-preview')).toEqual({
      provider: 'openrouter',
      modelId: 'google/gemini-3-flash-preview',
      name: 'openrouter/google/gemini-3-flash-preview',
    })
    expect(parseModelName('openai/gpt-5-mini').modelId).toBe('gpt-5-mini')
    expect(parseModelName(' compatible/qwen3:8b ').modelId).toBe('qwen3:8b')
    expect(parseModelName('offline')).toEqual({ provider: 'offline', modelId: null, name: 'offline' })
  })

  it.each(['', 'gpt-5-mini', 'anthropic/claude', 'openai/', 'offline/x'])('rejects %j as a usage error', (name) => {
    const error = (() => {
      try {
        parseModelName(name, 'models.classifier')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ModelNameError)
    expect(GitloreError.isInstance(error) && error.kind).toBe('usage')
    expect((error as Error).message).toContain('models.classifier')
  })
})
