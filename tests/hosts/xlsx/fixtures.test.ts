import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';
import { readWithExcelJs } from '../../helpers/excelJsGrid';
import { workbookDifferences } from './compare';

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

describe('the streaming reader gives the ExcelJS reader’s grids on every committed workbook', () => {
  test('there are fixtures to compare', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  test.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s', async (_shown, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const expected = await readWithExcelJs(bytes);
    const actual = await readWorkbook(bytes);
    expect(workbookDifferences(expected, actual)).toEqual([]);
  });
});
