/**
 * The two hosts must agree: a seed workbook checked in "Excel" (the double, loaded from the .xlsx
 * as Office.js would present it) gives the issues and computed values that the CLI's reading of
 * the same file gives to the engine. And flags on a real layout clear back to the file as it was.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkSheet } from '../../src/engine';
import type { SheetCheck } from '../../src/engine/types';
import { checkActiveSheet, clearActiveSheetFlags } from '../../src/hosts/office/actions';
import { readWorkbook } from '../../src/hosts/xlsx/readWorkbook';
import { ExcelDouble, cloneWorkbook, diffWorkbooks, workbookFromXlsx } from '../office-double';

const AS_OF = '2025-10-15';
const FIXTURES = path.resolve(__dirname, '../fixtures');
const seeds = ['seeds', 'hard'].flatMap((dir) =>
  fs.existsSync(path.join(FIXTURES, dir))
    ? fs
        .readdirSync(path.join(FIXTURES, dir))
        .filter((f) => f.endsWith('.xlsx'))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [],
);

/** What a person and the JSON report see of a check. */
function outcome(check: SheetCheck) {
  return {
    template: check.template,
    headerRows: check.headerRows,
    fiscalYear: check.fiscalYear,
    issues: check.issues.map((i) => ({ code: i.code, severity: i.severity, cell: i.cell, field: i.field, message: i.message })),
    rows: check.rows.map((r) => ({
      row: r.row,
      id: r.id,
      item: r.item,
      department: r.department,
      achievementRate: r.achievementRate,
      grade: r.grade,
      selfGrade: r.selfGrade,
      evaluation: r.evaluation,
    })),
    values: check.plan.values,
    flags: check.plan.flags,
  };
}

(seeds.length ? describe : describe.skip)('seed workbooks: the Office host agrees with the file host', () => {
  test.each(seeds)('%s', async (file) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, file));
    const cliSheets = await readWorkbook(bytes);
    const workbook = await workbookFromXlsx(bytes);
    for (const cli of cliSheets) {
      for (const apiVersion of ['1.18', '1.7']) {
        const excel = new ExcelDouble({ workbook: cloneWorkbook(workbook), apiVersion });
        const uninstall = excel.install();
        try {
          excel.workbook.activeSheetId = excel.workbook.sheets.find((s) => s.name === cli.name)!.id;
          const before = cloneWorkbook(excel.workbook);
          const office = await checkActiveSheet({ asOf: AS_OF });
          // Before ExcelApi 1.13 Office.js cannot list merged areas; the engine's carry-down rules
          // stand in, so both API levels must match the file host, merges and all.
          const direct = checkSheet(cli.grid, { asOf: AS_OF, sheetName: cli.name });
          expect({ sheet: cli.name, apiVersion, ...outcome(office.check) }).toEqual({ sheet: cli.name, apiVersion, ...outcome(direct) });
          // The engine also agrees with itself on the grid the Office host read.
          expect(outcome(checkSheet(office.grid, { asOf: AS_OF, sheetName: cli.name }))).toEqual(outcome(office.check));
          expect(office.syncs).toBeLessThanOrEqual(4);

          const once = cloneWorkbook(excel.workbook);
          await checkActiveSheet({ asOf: AS_OF });
          expect(diffWorkbooks(once, excel.workbook)).toEqual([]);
          await clearActiveSheetFlags();
          expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
        } finally {
          uninstall();
        }
      }
    }
  });
});
