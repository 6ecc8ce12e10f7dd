import { MemoryDocumentStore } from '../../../server/storage/memory/MemoryDocumentStore'
import { registerStorageContract } from '../../contract/storage.contract'

registerStorageContract('MemoryDocumentStore', () => new MemoryDocumentStore())
