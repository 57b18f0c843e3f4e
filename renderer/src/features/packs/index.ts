export { PacksPanel } from './PacksPanel';
export { ImportedPacksPanel } from './ImportedPacksPanel';
