/** The crosswalks room: our own mappings from ISO/IEC 42001 to the reference catalogs. */
export { crosswalkHandlers } from './handlers';
export { CrosswalkError, crosswalksOf, loadCrosswalks, type LoadedCrosswalk } from './load';
export { crosswalkView } from './view';
export { nistCoverage } from './nist-coverage';
