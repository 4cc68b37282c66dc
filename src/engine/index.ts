/** The engine's public face: hosts import from here only. */
export { checkSheet } from './check';
// No zod here: the schemas (configSchema.ts, profiles/schema.ts, workbookSettingsSchema.ts) are
// loaded on demand by the functions that validate a person's input (start-up time of every worker)
export { parseConfig, DEFAULT_GRADE_SCALE, type Config } from './config';
export { BUILTIN_PROFILES, resolveProfiles, parseProfile, type Profile } from './profiles';
export { renderMessage, formatRate, MESSAGES, SEVERITY, type MessageId } from './messages';
export { OWNED_HEADERS, RATE_FORMAT } from './plan/writePlan';
export { a1, columnLetter } from './table/sheetView';
export * from './types';
export { standardTemplateSheet, type TemplateSheet } from './standardTemplate';
export { summarize, gradeColumns, goodGradesOf, UNKNOWN_DEPARTMENT, type Summary, type SummaryInput, type DepartmentLine, type RateBand } from './summary';
export { formatFiscalYear } from './read/years';
export { fiscalYearOf } from './due';
export {
  summaryTable,
  issueLines,
  displayWidth,
  type SummaryTable,
  type SummaryTableInput,
  type SummarySkipped,
  type LayoutTable,
  type LayoutLink,
  type LayoutChart,
  type CellRange,
  type IssueLine,
} from './summaryTable';
export { comparisonTable, returnTable } from './summarySheets';
export { compareRounds, type RoundComparison, type Round } from './rounds';
export { inferDepartment } from './rows/inferDepartment';
export {
  WORKBOOK_SETTINGS_NAMESPACE,
  ACKNOWLEDGEABLE,
  encodeSettingsXml,
  decodeSettingsXml,
  emptySettings,
  mergeConfig,
  type Acknowledgement,
  type WorkbookSettings,
  type DecodedSettings,
} from './workbookSettings';
export { planFixes, certainFixes, numberText, NONE_MARK, type Fix, type FixKind, type FixOptions, type NumberText } from './fixes';
