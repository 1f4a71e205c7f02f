export { estimateTokens } from './estimate-tokens.js'
export { hashedEmbedding } from './hashed-embedding.js'
export {
  type ChatHandler,
  type EmbeddingHandler,
  type LoopbackModelServer,
  type LoopbackModelServerOptions,
  refusingModelUrl,
  startLoopbackModelServer,
} from './loopback-model-server.js'
export type { RecordedMessage, RecordedRequest } from './recorded-request.js'
export type {
  ChatReply,
  EmbeddingReply,
  EmbeddingsReply,
  FaultReply,
  MessageReply,
  ScriptedToolCall,
} from './replies.js'
