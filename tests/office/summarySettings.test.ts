/**
 * The pane's one-click summary (［集計シート］) checks the workbook with the settings saved in it,
 * as its check does: a configured grade scale (優/良/可) gives the summary's grade columns, as the
 * command line's --summary does with --config.
 */
import { buildSummary } from '../../src/hosts/office/actions';
import { saveWorkbookConfig } from '../../src/hosts/office/settingsView';
import { sheetByName } from '../office-double';
import { installDouble } from './helpers';
import { standardSheet } from './sheets';

const AS_OF = '2025-10-15';

/** Every text of a sheet of the double, in row order. */
function texts(sheet: ReturnType<typeof sheetByName>): string[] {
  return [...sheet.cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, cell]) => cell.value)
    .filter((v): v is string => typeof v === 'string');
}

test('the summary sheet uses the grade scale saved in the workbook', async () => {
  const { excel, done } = installDouble([standardSheet({ rows: 12 })]);
  try {
    const before = await buildSummary({ asOf: AS_OF, locale: 'ja' });
    const defaultTexts = texts(sheetByName(excel.workbook, before.sheetName));
    expect(defaultTexts).toContain('S');
    expect(defaultTexts).not.toContain('優');

    await saveWorkbookConfig({ gradeScale: [{ grade: '優', min: 1 }, { grade: '良', min: 0.6 }, { grade: '可', min: null }] });
    const after = await buildSummary({ asOf: AS_OF, locale: 'ja' });
    // ours is replaced, not doubled
    expect(after.sheetName).toBe(before.sheetName);
    const configured = texts(sheetByName(excel.workbook, after.sheetName));
    expect(configured).toEqual(expect.arrayContaining(['優', '良', '可']));
    expect(configured).not.toContain('S');
    // the items' grades are on the saved scale too (rates of 50% are 可)
    const grades = after.checked.flatMap(({ check }) => check.rows.map((r) => r.grade)).filter((g) => g !== null);
    expect(grades.length).toBeGreaterThan(0);
    expect(new Set(grades)).toEqual(new Set(['可']));
  } finally {
    done();
  }
});
