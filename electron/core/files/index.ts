/** Infrastructure for files on disk: every domain writes its files through here. */
export {
  fsyncDir,
  isAtomicTemp,
  removeStrayTemps,
  writeFileAtomic,
  writeFileAtomicUnique,
  writeStreamAtomic,
  writeStreamAtomicUnique,
  type AtomicWriteOptions,
  type StreamProducer,
} from './atomic-write';
export { flushAlong, flushSoFar, FLUSH_EVERY, type FlushAlong } from './flush-along';
