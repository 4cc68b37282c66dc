/** The Excel double: a strict in-memory stand-in for the Excel JavaScript API, for tests and benches. */
export * from './a1';
export * from './errors';
export * from './excel';
export * from './state';
export { workbookFromExcelJs, workbookFromXlsx } from './fromXlsx';
