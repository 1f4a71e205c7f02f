export { createMemoryKnowledgeStore } from './memory-knowledge-store.js'
