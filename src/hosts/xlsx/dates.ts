/** A JavaScript date (as ExcelJS gives date cells, in UTC) → Excel's 1900 date serial. */
export function excelSerialFromDate(date: Date): number {
  const days = (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return Math.round(days * 86_400) / 86_400;
}
