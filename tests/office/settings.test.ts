/**
 * Issue 10, part 2: settings kept in the workbook. Through the Excel double: the settings view
 * reads the active sheet's columns and the workbook's settings in few syncs; the settings are
 * saved in the custom XML part, survive reopening together with the acknowledgements, and the
 * next check uses them. The exported config, given to the command line, finds the same issues as
 * the pane's check of the same workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Config } from '../../src/engine/config';
import { checkActiveSheet } from '../../src/hosts/office/actions';
import { readSettingsView, saveWorkbookConfig } from '../../src/hosts/office/settingsView';
import { saveAcknowledgement } from '../../src/hosts/office/workbookSettings';
import { configFileText, configFromForm, formFromConfig } from '../../src/taskpane/settings/form';
import { settingsStringsFor } from '../../src/taskpane/settings/settingsStrings';
import { runCli } from '../helpers/cli';
import { workbookFromXlsx } from '../office-double';
import { installDouble } from './helpers';
import { standardSheet } from './sheets';

const AS_OF = '2025-10-15';
const say = settingsStringsFor('ja');

/** The standard sheet with self-evaluations (column O) that the grade scale can disagree with. */
function gradedSheet(rows: number) {
  const spec = standardSheet({ rows });
  return { ...spec, values: (spec.values ?? []).map((row, i) => (i >= 3 ? row.map((v, j) => (j === 14 ? 'A' : v)) : row)) };
}

/** A table no built-in layout reads (tests/engine/unknown): the column mapping makes it readable. */
const UNKNOWN_TABLE = [
  ['令和7年度 改善運動 進み具合'],
  [],
  ['整理番号', '改善テーマ', '責任者', '上半期の成果', '下半期の成果'],
  [1, '会議資料のペーパーレス化', '総務課', '全会議で実施', ''],
  [2, '', '財政課', '', ''],
  [3, '電話応対の改善', '市民課', '研修を実施', ''],
  [4, '窓口の案内表示', '', '', ''],
];

describe('settings kept in the workbook (Excel double)', () => {
  test('saved, the workbook reopened: settings and acknowledgements still there, and the next check uses them', async () => {
    const { excel, done } = installDouble([gradedSheet(8)]);
    try {
      const first = await checkActiveSheet({ asOf: AS_OF });
      const mismatch = first.check.issues.find((i) => i.code === 'grade-mismatch');
      expect(mismatch).toBeDefined();
      await saveAcknowledgement({ sheet: first.sheetName, cell: mismatch!.cell, code: 'grade-mismatch', reason: '年度途中で目標を変更' });

      // Opening the settings view: the sheet and the settings part in one Excel.run.
      let syncs = excel.stats.syncs;
      const opened = await readSettingsView({ asOf: AS_OF, locale: 'ja' });
      const openSyncs = excel.stats.syncs - syncs;
      expect(opened.syncs).toBe(openSyncs);
      // the settings part's lookup and text ride the sheet read's two syncs
      expect(openSyncs).toBe(2);
      expect(opened.config).toBeNull();
      expect(opened.mapping?.source).toBe('check');
      expect(opened.mapping?.headers.find((h) => h.column === 'E')).toMatchObject({ label: '担当課', choice: 'department' });
      expect(opened.mapping?.headers.find((h) => h.column === 'J')).toMatchObject({ label: '第1四半期', choice: 'period:quarter.result' });

      // A person sets a stricter scale (A from 150%) and the department list, and saves.
      const form = formFromConfig(opened.config);
      form.gradeScale = [
        { grade: 'A', min: '150' },
        { grade: 'B', min: '80' },
        { grade: 'C', min: '' },
      ];
      form.departments = '人事課\n財政課';
      form.fiscalYear = '2025';
      const made = configFromForm(form, opened.config, say);
      expect(made.errors).toEqual({});
      syncs = excel.stats.syncs;
      await saveWorkbookConfig(made.config);
      const saveSyncs = excel.stats.syncs - syncs;
      // find the part, read it (acknowledgements are kept), write it
      expect(saveSyncs).toBe(3);

      excel.reopen();
      const reopened = await readSettingsView({ asOf: AS_OF, locale: 'ja' });
      expect(reopened.config).toEqual({
        gradeScale: [
          { grade: 'A', min: 1.5 },
          { grade: 'B', min: 0.8 },
          { grade: 'C', min: null },
        ],
        fiscalYear: 2025,
        departments: ['人事課', '財政課'],
      });
      expect(formFromConfig(reopened.config).gradeScale[0]).toEqual({ grade: 'A', min: '150' });

      const again = await checkActiveSheet({ asOf: AS_OF });
      // the acknowledgement is still there
      expect(again.settings?.acknowledgements.map((a) => `${a.cell} ${a.reason}`)).toEqual([`${mismatch!.cell} 年度途中で目標を変更`]);
      // the department list: 行革推進課 and the others not listed are reported
      expect(again.check.issues.some((i) => i.code === 'unknown-department')).toBe(true);
      expect(first.check.issues.some((i) => i.code === 'unknown-department')).toBe(false);
      // the grade scale: grades are A/B/C only
      const grades = new Set(again.check.rows.map((r) => r.grade).filter(Boolean));
      for (const g of grades) expect(['A', 'B', 'C']).toContain(g);
      expect(again.check.fiscalYear).toBe(2025);
    } finally {
      done();
    }
  });

  test('saving settings leaves the acknowledgements alone, and clearing them leaves no config behind', async () => {
    const { done } = installDouble([gradedSheet(4)]);
    try {
      await saveAcknowledgement({ sheet: '進行管理票', cell: 'P5', code: 'grade-mismatch', reason: '理由' });
      const saved = await saveWorkbookConfig({ departments: ['人事課'] });
      expect(saved.acknowledgements).toHaveLength(1);
      const cleared = await saveWorkbookConfig(null);
      expect(cleared.config).toBeUndefined();
      expect(cleared.acknowledgements).toHaveLength(1);
    } finally {
      done();
    }
  });
});

describe('the exported config on the command line finds what the pane finds', () => {
  let dir: string;
  let xlsx: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psc-settings-'));
    xlsx = path.join(dir, '改善運動.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('改善運動');
    for (const row of UNKNOWN_TABLE) sheet.addRow(row);
    await book.xlsx.writeFile(xlsx);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a sheet no layout reads: mapped in the settings, checked in the pane and by the CLI with the exported file', async () => {
    const { excel, done } = installDouble(await workbookFromXlsx(xlsx));
    try {
      const before = await checkActiveSheet({ asOf: AS_OF });
      expect(before.check.template).toBeNull();

      const opened = await readSettingsView({ asOf: AS_OF, locale: 'ja' });
      expect(opened.mapping?.source).toBe('proposal');
      expect(opened.mapping?.headers.map((h) => `${h.column}:${h.choice}`)).toEqual([
        'A:id',
        'B:item',
        'C:',
        'D:period:quarter.result',
        'E:period:quarter.result',
      ]);
      // The person says what 責任者 is.
      const headers = opened.mapping!.headers.map((h) => (h.column === 'C' ? { ...h, choice: 'department' } : h));
      const form = formFromConfig(opened.config);
      form.departments = '総務課\n財政課';
      const made = configFromForm(form, opened.config, say, { sheetName: opened.mapping!.sheetName, headers });
      expect(made.errors).toEqual({});
      await saveWorkbookConfig(made.config);

      const pane = await checkActiveSheet({ asOf: AS_OF });
      expect(pane.check.template).toMatch(/^sheet-/);
      // opened again, the settings view shows the mapping as saved (the sheet now reads through it)
      const reread = await readSettingsView({ asOf: AS_OF, locale: 'ja' });
      expect(reread.mapping).toMatchObject({ source: 'check', template: pane.check.template });
      expect(reread.mapping?.headers.map((h) => `${h.column}:${h.choice}`)).toEqual(['A:id', 'B:item', 'C:department', 'D:period:quarter.result', 'E:period:quarter.result']);
      const paneIssues = pane.check.issues.map((i) => `${i.cell} ${i.code} ${i.message}`).sort();
      // what a person would see: B5 has no item, C7 no department, D5 and D7 no first-half report, 市民課 not listed
      expect(paneIssues.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
        'B5 required-missing',
        'C6 unknown-department',
        'C7 required-missing',
        'D5 missing-entry',
        'D7 missing-entry',
      ]);

      // The same settings as a file for --config (the original file has no settings part).
      const configPath = path.join(dir, 'config.json');
      fs.writeFileSync(configPath, configFileText(made.config as Config));
      const run = await runCli(['check', '--as-of', AS_OF, '--config', configPath, '--json', '-', xlsx]);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.out) as { files: { sheets: { template: string; issues: { cell: string; code: string; message: string }[] }[] }[] };
      const sheet = report.files[0].sheets[0];
      expect(sheet.template).toBe(pane.check.template);
      expect(sheet.issues.map((i) => `${i.cell} ${i.code} ${i.message}`).sort()).toEqual(paneIssues);
      expect(excel.workbook.customXmlParts).toHaveLength(1);
    } finally {
      done();
    }
  });
});
