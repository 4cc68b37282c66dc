/**
 * 「提出ブックを取り込む」 (issue 10 part 5) and the pane's returns (issue 11): three submitted
 * workbooks read in the pane (the reader with fflate, as the pane bundle has it) give the same
 * summary sheet and the same per-department returns as the command line's --summary and --returns
 * for the same three files; an unreadable file is one line; a person's sheets are never replaced.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { issueLines } from '../../src/engine';
import { encodeSettingsXml, WORKBOOK_SETTINGS_NAMESPACE } from '../../src/engine/workbookSettings';
import type { JsonReport } from '../../src/cli/report';
import { importSubmissions, type SubmissionSource } from '../../src/hosts/office/importSubmissions';
import { numberedSheetName } from '../../src/hosts/office/summarySheet';
import { runCli } from '../helpers/cli';
import { EXAMPLES } from '../helpers/workbooks';
import { type SheetData, type WorkbookData, buildWorkbook, cloneWorkbook, diffWorkbooks, keyToCell, letters, sheetByName } from '../office-double';
import { installDouble } from './helpers';

// The pane's bundle inflates with fflate (webpack alias): so does this test.
jest.mock('../../src/hosts/xlsx/read/inflate', () => jest.requireActual('../../src/hosts/xlsx/read/inflate.browser'));

const AS_OF = '2025-10-15';
const FILES = ['政策企画局_四半期進捗.xlsx', '美祢市_進捗管理票.xlsx', '行革デジタル推進課_実施計画.xlsx'];

function source(file: string, name = path.basename(file)): SubmissionSource {
  return { name, read: async () => new Uint8Array(fs.readFileSync(file)) };
}

/** A sheet's non-empty cells as "A1 → value" (hyperlinks by their text), for comparing the two hosts. */
function cellsOfDouble(sheet: SheetData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, cell] of sheet.cells) {
    if (cell.value === '') continue;
    const { row, column } = keyToCell(key);
    out[`${letters(column)}${row + 1}`] = cell.value;
  }
  return out;
}

function cellsOfExcelJs(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      const value = v !== null && typeof v === 'object' && 'hyperlink' in v ? v.text : v;
      if (value === null || value === undefined || value === '') return;
      out[cell.address] = value;
    }),
  );
  return out;
}

async function sheetsOf(file: string): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets;
}

/** A person's workbook: a cover and their own sheet named 集計, which must survive. */
function personsWorkbook() {
  return installDouble([
    { name: '表紙', values: [['令和7年度 第2四半期 提出状況']] },
    { name: '集計', values: [['課長会議用の集計（手作業）'], ['総務課', 3]] },
  ]);
}

describe('three submissions imported in the pane', () => {
  let dir: string;
  let cliSummary: ExcelJS.Worksheet;
  let cliReturns: Map<string, ExcelJS.Worksheet>;
  let report: JsonReport;
  let before: WorkbookData;
  let after: WorkbookData;
  let result: Awaited<ReturnType<typeof importSubmissions>>;
  const progress: string[] = [];

  beforeAll(async () => {
    // the command line, on copies of the same three files named as the pane sees them
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psc-import-'));
    const folder = path.join(dir, 'submissions');
    fs.mkdirSync(folder);
    for (const f of FILES) fs.copyFileSync(path.join(EXAMPLES, f), path.join(folder, f));
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      const sorted = [...FILES].sort((a, b) => a.localeCompare(b, 'ja'));
      const run = await runCli(['check', '--as-of', AS_OF, '--summary', '../summary.xlsx', '--returns', '../returns', '--json', '../report.json', ...sorted]);
      expect(run.code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    cliSummary = (await sheetsOf(path.join(dir, 'summary.xlsx')))[0];
    report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as JsonReport;
    cliReturns = new Map();
    for (const name of fs.readdirSync(path.join(dir, 'returns'))) {
      const department = name.replace(/^差し戻し_/, '').replace(/\.xlsx$/, '');
      cliReturns.set(department, (await sheetsOf(path.join(dir, 'returns', name)))[0]);
    }

    // the pane, through the double, files picked in another order
    const { excel, done } = personsWorkbook();
    try {
      before = cloneWorkbook(excel.workbook);
      result = await importSubmissions(
        [...FILES].reverse().map((f) => source(path.join(EXAMPLES, f))),
        { asOf: AS_OF, locale: 'ja', returns: true, onProgress: (n, total, name) => progress.push(`${n} / ${total} ${name ?? ''}`.trim()) },
      );
      after = cloneWorkbook(excel.workbook);
    } finally {
      done();
    }
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('progress is shown file by file (n / total), in name order', () => {
    const sorted = [...FILES].sort((a, b) => a.localeCompare(b, 'ja'));
    expect(progress).toEqual([`0 / 3 ${sorted[0]}`, `1 / 3 ${sorted[1]}`, `2 / 3 ${sorted[2]}`, '3 / 3']);
    expect(result.files.map((f) => [f.file, f.status])).toEqual(sorted.map((f, i) => [f, report.files[i].status]));
  });

  test('the summary sheet holds exactly the cells of the command line’s summary', () => {
    const sheet = sheetByName(after, result.summarySheet);
    const pane = cellsOfDouble(sheet);
    const cli = cellsOfExcelJs(cliSummary);
    expect(Object.keys(pane).length).toBeGreaterThan(100);
    expect(pane).toEqual(cli);
    // what a manager reads first: files, items and errors in the headline
    const headline = Object.fromEntries([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((r) => [pane[`A${r}`], pane[`B${r}`]]));
    expect(headline).toMatchObject({ ファイル: 3, 取組: report.totals.rows, エラー: report.totals.errors, 警告: report.totals.warnings, 読めないファイル: 0 });
  });

  test('the summary gets its tables and its two charts (grades by department, rate distribution)', () => {
    const sheet = sheetByName(after, result.summarySheet);
    const tables = sheet.tables ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(tables.every((t) => t.style === 'TableStyleMedium2')).toBe(true);
    // the distribution table has no filter buttons (they would hide the headline beside it)
    const headers = tables.map((t) => String(sheet.cells.get(t.area.top * 16384 + t.area.left)?.value));
    expect(headers).toEqual(expect.arrayContaining(['達成率', '担当課', 'ファイル']));
    expect(tables.find((t) => String(sheet.cells.get(t.area.top * 16384 + t.area.left)?.value) === '達成率')?.showFilterButton).toBe(false);
    const charts = sheet.charts ?? [];
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ['BarStacked', '担当課別の算定評価'],
      ['ColumnClustered', '達成率の分布'],
    ]);
    expect(charts[0].series.map((s) => s.name)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(charts[0].series.every((s) => s.categories !== null && s.fill !== null)).toBe(true);
    expect(charts[0].categoryAxisReversed).toBe(true);
  });

  test('one returns sheet per department, each listing exactly that department’s issues as --returns does', () => {
    const lines = issueLines(report.files.flatMap((f) => f.sheets.map((s) => ({ file: f.path, sheet: s.name, template: s.template, rows: s.rows, issues: s.issues }))));
    const departments = [...cliReturns.keys()];
    expect(departments.length).toBeGreaterThanOrEqual(2);
    expect(result.returnSheets.map((n) => n.replace(/^差し戻し_/, '')).sort()).toEqual([...departments].sort());
    for (const name of result.returnSheets) {
      const department = name.replace(/^差し戻し_/, '');
      expect(name.length).toBeLessThanOrEqual(31);
      const sheet = sheetByName(after, name);
      expect(cellsOfDouble(sheet)).toEqual(cellsOfExcelJs(cliReturns.get(department)!));
      // rows below the header: file, sheet, cell, severity, message, item
      const listed: string[] = [];
      for (let r = 4; ; r++) {
        const cell = sheet.cells.get(r * 16384 + 2);
        if (!cell) break;
        listed.push(`${sheet.cells.get(r * 16384 + 1)?.value}!${cell.value} ${sheet.cells.get(r * 16384 + 4)?.value}`);
      }
      const expected = lines.filter((l) => l.department === department);
      expect({ department, listed }).toEqual({ department, listed: expected.map((l) => `${l.sheet}!${l.cell} ${l.message}`) });
      expect(String(sheet.cells.get(1 * 16384)?.value)).toMatch(/2025-10-22 までに再提出してください。$|^修正の必要な箇所はありません。$/);
    }
  });

  test('the person’s own 集計 is untouched; ours goes beside it; nothing else changed', () => {
    expect(result.summarySheet).toBe('集計 (2)');
    expect(after.sheets.map((s) => s.name)).toEqual(['表紙', '集計', '集計 (2)', ...result.returnSheets]);
    const theirs = { ...after, sheets: after.sheets.filter((s) => before.sheets.some((b) => b.name === s.name)) };
    expect(diffWorkbooks(before, theirs)).toEqual([]);
    expect(after.activeSheetId).toBe(sheetByName(after, '集計 (2)').id);
  });
});

describe('a file that cannot be read', () => {
  test('is one line in the result and in the summary; the other files go on', async () => {
    const { excel, done } = personsWorkbook();
    try {
      const broken: SubmissionSource = { name: '総務課_進捗.xlsx', read: async () => new TextEncoder().encode('番号,取組\n1,窓口\n') };
      const gone: SubmissionSource = { name: '財政課_進捗.xlsx', read: () => Promise.reject(new Error('NotReadableError: the file was moved')) };
      const result = await importSubmissions([broken, source(path.join(EXAMPLES, FILES[0])), gone], { asOf: AS_OF, locale: 'ja' });
      const status = Object.fromEntries(result.files.map((f) => [f.file, [f.status, f.error]]));
      expect(status).toEqual({
        [FILES[0]]: ['ok', null],
        '財政課_進捗.xlsx': ['unreadable', expect.stringContaining('NotReadableError: the file was moved')],
        '総務課_進捗.xlsx': ['unreadable', 'Excel ブック（.xlsx）ではありません（CSV やテキストなど別の形式です）。.xlsx で保存し直してください。'],
      });
      expect(result.returnSheets).toEqual([]);
      const sheet = sheetByName(excel.workbook, result.summarySheet);
      const values = Object.values(cellsOfDouble(sheet));
      expect(values).toContain('読めないファイル');
      expect(values).toContain(`読めません: ${status['総務課_進捗.xlsx'][1]}`);
    } finally {
      done();
    }
  });
});

describe('importing again', () => {
  test('replaces our summary and returns sheets, never a person’s sheet of the same name', async () => {
    const { excel, done } = installDouble([{ name: '差し戻し_政策企画局', values: [['担当者メモ']] }]);
    try {
      const files = [source(path.join(EXAMPLES, FILES[0]))];
      const first = await importSubmissions(files, { asOf: AS_OF, locale: 'ja', returns: true });
      expect(first.returnSheets).toContain('差し戻し_政策企画局 (2)');
      const count = excel.workbook.sheets.length;
      const second = await importSubmissions(files, { asOf: '2025-10-20', locale: 'ja', returns: true });
      expect([second.summarySheet, ...second.returnSheets]).toEqual([first.summarySheet, ...first.returnSheets]);
      expect(excel.workbook.sheets.length).toBe(count);
      expect(sheetByName(excel.workbook, '差し戻し_政策企画局').cells.get(0)?.value).toBe('担当者メモ');
      expect(String(sheetByName(excel.workbook, first.summarySheet).cells.get(0)?.value)).toContain('2025-10-20');
    } finally {
      done();
    }
  });
});

test('the grade scale saved in the open workbook (settings view) is the summary’s, as --config gives it', async () => {
  const workbook = buildWorkbook([{ name: '表紙', values: [['提出状況']] }]);
  const config = { gradeScale: [{ grade: '優', min: 1 }, { grade: '良', min: 0.6 }, { grade: '可', min: null }] };
  workbook.customXmlParts = [{ id: '{SETTINGS}', namespaceUri: WORKBOOK_SETTINGS_NAMESPACE, xml: encodeSettingsXml({ version: 1, config, acknowledgements: [] }) }];
  const { excel, done } = installDouble(workbook);
  try {
    const result = await importSubmissions([source(path.join(EXAMPLES, FILES[2]))], { asOf: AS_OF, locale: 'ja' });
    const sheet = sheetByName(excel.workbook, result.summarySheet);
    expect((sheet.charts ?? [])[0].series.map((s) => s.name)).toEqual(['優', '良', '可']);
    const values = Object.values(cellsOfDouble(sheet));
    expect(values).toEqual(expect.arrayContaining(['優', '良', '可', '優 以上の割合']));
    expect(values).not.toContain('S');
  } finally {
    done();
  }
});

test('sheet names stay within 31 characters and free of characters Excel refuses', () => {
  const long = numberedSheetName('差し戻し_総合政策部企画調整課地域振興担当デジタル推進係', 12);
  expect(long.length).toBeLessThanOrEqual(31);
  expect(long.endsWith(' (12)')).toBe(true);
  expect(numberedSheetName("差し戻し_'総務/財政[課]'", 1)).toBe("差し戻し_'総務_財政_課_");
});
