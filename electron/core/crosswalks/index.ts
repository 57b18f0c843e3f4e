/** The crosswalks room: our own mappings from ISO/IEC 42001 to the reference catalogs. */
export { crosswalkHandlers } from './handlers';
export {
  CrosswalkError,
  crosswalksOf,
  ISO_42001,
  loadCrosswalks,
  rowsFrom42001,
  type LoadedCrosswalk,
} from './load';
export { crosswalkView } from './view';
export { nistCoverage } from './nist-coverage';
