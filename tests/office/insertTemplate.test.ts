/**
 * ［標準テンプレートを挿入］ against the Excel double: what a person sees on the new sheet, on an
 * Excel with every API the pane uses (1.18) and on the oldest the manifest allows (1.7), and that
 * checking the filled-in template finds it and writes into its own computed columns.
 */
import { standardTemplateSheet } from '../../src/engine';
import type { Locale } from '../../src/engine/types';
import { checkActiveSheet, clearActiveSheetFlags } from '../../src/hosts/office/actions';
import { insertStandardTemplate } from '../../src/hosts/office/insertTemplate';
import { runWithRetry } from '../../src/hosts/office/runWithRetry';
import {
  type ExcelDouble,
  type SheetData,
  DEFAULT_COLUMN_WIDTH,
  cellAt,
  cloneWorkbook,
  diffWorkbooks,
  letters,
  readCell,
  sheetByName,
  updateCell,
  validationsIn,
} from '../office-double';
import { installDouble } from './helpers';

const TEMPLATE = standardTemplateSheet(2025, 'ja');
const HEADER = TEMPLATE.values[TEMPLATE.headerRow - 1] as string[];
const LAST_ROW = TEMPLATE.headerRow + TEMPLATE.dataRows; // 1-based sheet row of item 30

function insert(locale: Locale = 'ja'): Promise<string> {
  return runWithRetry((context) => insertStandardTemplate(context, { fiscalYear: 2025, locale }));
}

function activeSheet(excel: ExcelDouble): SheetData {
  return excel.workbook.sheets.find((s) => s.id === excel.workbook.activeSheetId)!;
}

/** The 1-based column of a header label, read from the engine's template. */
function columnOf(label: string): number {
  const c = HEADER.indexOf(label);
  if (c < 0) throw new Error(`no header ${label}`);
  return c + 1;
}

describe.each(['1.18', '1.7'])('insertStandardTemplate on ExcelApi %s', (apiVersion) => {
  const dropdowns = apiVersion === '1.18';

  test('a new, active sheet laid out as the standard template, in two syncs', async () => {
    const { excel, done } = installDouble([{ name: 'Sheet1', values: [['既存']] }], { apiVersion });
    try {
      const name = await insert();
      expect(name).toBe('進行管理票');
      expect(excel.stats.syncs).toBe(2);
      expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', '進行管理票']);
      const sheet = activeSheet(excel);
      expect(sheet.name).toBe('進行管理票');
      const at = (address: string) => cellAt(excel.workbook, '進行管理票', address);

      // title and note
      expect(at('A1')).toMatchObject({ value: '令和7年度 行財政改革 進行管理票', bold: true });
      expect(at('A2').value).toBe(TEMPLATE.values[1][0]);

      // the header: the template's labels, ending with the checker's computed columns, bold, filled, wrapped
      expect(HEADER.slice(-2)).toEqual(['達成率（自動計算）', '算定評価（自動計算）']);
      expect(HEADER.slice(0, 2)).toEqual(['No.', '区分']);
      const headerRow = HEADER.map((_, c) => readCell(sheet, TEMPLATE.headerRow - 1, c));
      expect(headerRow.map((cell) => cell.value)).toEqual(HEADER);
      for (const cell of headerRow) expect(cell).toMatchObject({ bold: true, wrap: true, fill: { color: '#DDEBF7', pattern: 'Solid' } });
      expect(readCell(sheet, TEMPLATE.headerRow - 1, HEADER.length).value).toBe(''); // nothing right of it

      // the items: numbered 1..30, nothing below
      const numbers = Array.from({ length: TEMPLATE.dataRows }, (_, i) => readCell(sheet, TEMPLATE.headerRow + i, 0).value);
      expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(at(`A${LAST_ROW + 1}`).value).toBe('');
      expect(at('B4').value).toBe('');

      // the rate column (P) shows 0.0% on every item row, and only there
      const rate = columnOf('達成率（自動計算）');
      expect(letters(rate - 1)).toBe('P');
      for (let r = TEMPLATE.headerRow; r < LAST_ROW; r++) expect(readCell(sheet, r, rate - 1).numberFormat).toBe('0.0%');
      expect(at(`P${TEMPLATE.headerRow}`).numberFormat).toBe('General');
      expect(at(`P${LAST_ROW + 1}`).numberFormat).toBe('General');
      expect(at('O4').numberFormat).toBe('General');

      // column widths follow the template's proportions (wide text columns, narrow No.)
      const widths = HEADER.map((_, c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      const perChar = widths[0] / TEMPLATE.columnWidths[0];
      expect(widths).toEqual(TEMPLATE.columnWidths.map((chars) => chars * perChar));
      expect(widths[3]).toBeGreaterThan(widths[0] * 5);

      // the header stays in view
      expect(sheet.frozenRows).toBe(3);

      // 自己評価 (O): a dropdown of the evaluation symbols where Excel has data validation (1.8)
      const evaluation = columnOf('自己評価');
      expect(letters(evaluation - 1)).toBe('O');
      const items = { top: TEMPLATE.headerRow, left: evaluation - 1, bottom: LAST_ROW - 1, right: evaluation - 1 };
      if (dropdowns) {
        expect(sheet.validations).toEqual([{ area: items, list: '◎,○,△,▲,×', inCellDropDown: true }]);
      } else {
        expect(sheet.validations).toEqual([]);
        expect(validationsIn(sheet, items)).toEqual([]);
      }
      // the sheet that was there is untouched
      expect(cellAt(excel.workbook, 'Sheet1', 'A1').value).toBe('既存');
      expect(excel.stats.log.map((s) => s.error)).toEqual([undefined, undefined]);
    } finally {
      done();
    }
  });

  test('a second template is named 進行管理票 (2), and the first stays as it was', async () => {
    const { excel, done } = installDouble([{ name: 'Sheet1', values: [['既存']] }], { apiVersion });
    try {
      expect(await insert()).toBe('進行管理票');
      sheetByName(excel.workbook, '進行管理票').cells.clear(); // a person empties it: its name alone counts
      excel.resetStats();
      expect(await insert()).toBe('進行管理票 (2)');
      expect(excel.stats.syncs).toBe(2);
      expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', '進行管理票', '進行管理票 (2)']);
      expect(activeSheet(excel).name).toBe('進行管理票 (2)');
      expect(cellAt(excel.workbook, '進行管理票 (2)', 'A1').value).toBe('令和7年度 行財政改革 進行管理票');
      expect(sheetByName(excel.workbook, '進行管理票').cells.size).toBe(0);
      expect(await insert()).toBe('進行管理票 (3)');
    } finally {
      done();
    }
  });

  test('checking the filled-in template: detected as standard, the rate written into its own 0.0% column', async () => {
    const { excel, done } = installDouble([{ name: 'Sheet1', values: [['既存']] }], { apiVersion });
    try {
      await insert();
      const sheet = activeSheet(excel);
      // a person fills in the first item, as in tests/engine/standard-template.test.ts
      const item = [1, '行政運営', '窓口のオンライン化', '申請様式の電子化', '市民課', '電子申請数', '件', '100件', '200件', '120件', '', '', '', '150件', '○'];
      item.forEach((value, c) =>
        updateCell(sheet, TEMPLATE.headerRow, c, (cell) => {
          cell.value = value;
        }),
      );
      const filled = cloneWorkbook(excel.workbook);
      const { check } = await checkActiveSheet({ asOf: '2025-10-15', retry: { delay: async () => undefined } });
      expect(check.template).toBe('standard');
      expect(check.headerRows).toEqual([3]);
      expect(check.rows).toHaveLength(1);
      expect(check.rows[0].achievementRate).toBeCloseTo(0.5, 4);
      // the template's own computed columns are used: only the result column is appended
      expect(check.plan.appendedColumns.map((c) => c.header)).toEqual(['チェック結果']);
      const rate = check.plan.values.find((w) => w.role === 'rate' && w.value !== null)!;
      expect(rate).toMatchObject({ row: 4, column: columnOf('達成率（自動計算）') });
      expect(cellAt(excel.workbook, sheet.name, 'P4')).toMatchObject({ value: rate.value, numberFormat: '0.0%' });
      expect(cellAt(excel.workbook, sheet.name, 'P4').value).toBeCloseTo(0.5, 4);
      // the unfinished second quarter is flagged where it is
      expect(check.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(['K4 missing-entry']);
      expect(cellAt(excel.workbook, sheet.name, 'K4').fill).not.toBeNull();
      // what the insert set up is still there after the check
      expect(sheet.frozenRows).toBe(3);
      expect(sheet.validations).toHaveLength(dropdowns ? 1 : 0);
      // taking the flags away gives back the filled-in template exactly (rate column format included)
      await clearActiveSheetFlags({ retry: { delay: async () => undefined } });
      expect(diffWorkbooks(filled, excel.workbook)).toEqual([]);
    } finally {
      done();
    }
  });
});

test('the new sheet name is unique whatever the case of the names already there (English template)', async () => {
  const { excel, done } = installDouble([{ name: 'progress sheet', values: [['x']] }]);
  try {
    const name = await insert('en');
    expect(name).toBe('Progress sheet (2)');
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['progress sheet', 'Progress sheet (2)']);
    expect(activeSheet(excel).name).toBe('Progress sheet (2)');
  } finally {
    done();
  }
});
