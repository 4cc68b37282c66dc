/** A JavaScript date (as ExcelJS gives date cells, in UTC) → Excel's 1900 date serial. */
export function excelSerialFromDate(date: Date): number {
  const days = (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return Math.round(days * 86_400) / 86_400;
}

const MS_PER_DAY = 86_400_000;
/** Days between Excel's 1904 and 1900 date systems. */
const DAYS_1904 = 1462;

/**
 * A date cell's stored number → the 1900-system serial the engine sees. Dates are kept to the
 * millisecond and then the second, as a trip through a JavaScript Date (what ExcelJS did) gave,
 * so that both readers agree; a 1904-system workbook's serials are moved to the 1900 system.
 */
export function dateSerialFromStored(stored: number, date1904: boolean): number {
  const ms = Math.round((stored - 25569 + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY);
  return excelSerialFromDate(new Date(ms));
}

/** An ISO 8601 date cell (`t="d"`) → serial; a date without a zone is read as UTC, like Excel's own. */
export function serialFromIsoDate(text: string): number | undefined {
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : excelSerialFromDate(new Date(ms));
}
