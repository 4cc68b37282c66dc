/**
 * The engine's findings do not depend on which reader made the grid: for every committed workbook,
 * checkSheet on the streaming reader's grids and on the ExcelJS reader's grids gives the same
 * template, rows and issues (grids may differ only where "" and an absent cell are the same).
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkSheet } from '../../../src/engine';
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';
import { readWithExcelJs } from '../../helpers/excelJsGrid';

const ROOT = path.resolve(__dirname, '../../..');

function xlsxUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'unreadable' ? [] : xlsxUnder(full);
    return e.name.endsWith('.xlsx') ? [full] : [];
  });
}

const FILES = [...xlsxUnder(path.join(ROOT, 'tests/fixtures')), ...xlsxUnder(path.join(ROOT, 'examples'))];

test.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s: same findings from either reader', async (_shown, file) => {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const [before, after] = [await readWithExcelJs(bytes), await readWorkbook(bytes)];
  const findings = (sheets: typeof after) =>
    sheets.map((s) => {
      const check = checkSheet(s.grid, { asOf: '2025-10-15', sheetName: s.name });
      return { template: check.template, rows: check.rows.length, issues: check.issues.map((i) => `${i.cell} ${i.code} ${i.message}`) };
    });
  expect(findings(after)).toEqual(findings(before));
});
