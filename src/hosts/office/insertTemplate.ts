/**
 * ［標準テンプレートを挿入］: a new worksheet laid out as the product's standard template (data
 * from the engine), in two syncs: one to learn the sheet names, one to write.
 */
import { standardTemplateSheet, type CellValue, type Locale } from '../../engine';
import { supportsExcelApi } from './requirements';

/** Points per character of column width, roughly, for Japanese UI fonts. */
const POINTS_PER_CHAR = 7;

/** `base`, or `base (2)`, `base (3)`, …: the first no sheet has. Excel compares sheet names ignoring case. */
function uniqueName(base: string, names: string[]): string {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export async function insertStandardTemplate(
  context: Excel.RequestContext,
  options: { fiscalYear: number; locale: Locale },
): Promise<string> {
  const template = standardTemplateSheet(options.fiscalYear, options.locale);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const name = uniqueName(template.name, sheets.items.map((s) => s.name));

  const sheet = sheets.add(name);
  const width = Math.max(...template.values.map((row) => row.length));
  const values: CellValue[][] = template.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  sheet.getRangeByIndexes(0, 0, values.length, width).values = values as (string | number | boolean)[][];
  const header = sheet.getRangeByIndexes(template.headerRow - 1, 0, 1, width);
  header.format.font.bold = true;
  header.format.fill.color = '#DDEBF7';
  header.format.wrapText = true;
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  template.columnWidths.forEach((chars, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  const firstDataRow = template.headerRow; // 0-based index of the row below the header
  for (const { column, format } of template.numberFormats) {
    const range = sheet.getRangeByIndexes(firstDataRow, column - 1, template.dataRows, 1);
    range.numberFormat = Array.from({ length: template.dataRows }, () => [format]);
  }
  // dropdowns (ExcelApi 1.8) and a frozen header (1.7) where this Excel has them
  if (supportsExcelApi('1.8')) {
    for (const { column, values: list } of template.lists) {
      sheet.getRangeByIndexes(firstDataRow, column - 1, template.dataRows, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: list.join(',') },
      };
    }
  }
  if (supportsExcelApi('1.7')) sheet.freezePanes.freezeRows(template.headerRow);
  sheet.activate();
  await context.sync();
  return name;
}
