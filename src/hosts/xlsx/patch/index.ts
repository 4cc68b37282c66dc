/** The package patcher: annotated copies that keep everything the plan does not touch. */
export { patchWorkbook, patchedParts, sheetPathOf } from './patchWorkbook';
export { editedPackageBytes, type PackageEdits } from './packageBytes';
export { CannotAnnotateError } from './errors';
export { AUTHOR as NOTE_AUTHOR } from './comments';
export { readZip, entryData, type ZipEntry } from './zip';
export { wellFormedError } from './wellFormed';
