/** The engine's public face: hosts import from here only. */
export { checkSheet } from './check';
export { configSchema, parseConfig, DEFAULT_GRADE_SCALE, type Config } from './config';
export { BUILTIN_PROFILES, resolveProfiles, parseProfile, profileSchema, type Profile } from './profiles';
export { renderMessage, formatRate, MESSAGES, SEVERITY, type MessageId } from './messages';
export { OWNED_HEADERS, RATE_FORMAT } from './plan/writePlan';
export { a1, columnLetter } from './table/sheetView';
export * from './types';
export { standardTemplateSheet, type TemplateSheet } from './standardTemplate';
export { summarize, type Summary, type SummaryInput, type DepartmentLine } from './summary';
export { formatFiscalYear } from './read/years';
export { fiscalYearOf } from './due';
export { summaryTable, type SummaryTable, type SummaryTableInput, type SummarySkipped } from './summaryTable';
