/**
 * The unknown is never silent (issue "Any city's progress sheet"): an unrecognised table is a
 * warning naming the closest template and the missing fields, a file with nothing checked exits 1,
 * and `progress-sheet profile` proposes a profile that, passed back with --config, reads the sheet.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { JsonReport } from '../../src/cli/report';
import { runCli } from '../helpers/cli';
import { fixture, SEEDS } from '../helpers/workbooks';

const run = (...argv: string[]) => runCli(argv, { workers: 1 });

// Every researched city's sheet is recognised now; a table of words no vocabulary knows
// (番号 | テーマ | 担い手 | 到達点 | 自己点検) stands for the next city's unknown layout.
let UNKNOWN = '';
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('点検表');
  for (const row of [
    ['令和6年度 業務改善テーマ 点検表'],
    ['番号', 'テーマ', '担い手', '到達点', '自己点検'],
    [1, '窓口のオンライン化', '市民課', '申請の8割', '順調'],
    [2, 'ペーパーレス会議', '総務課', '全会議', '遅れ'],
    [3, '公用車の削減', '管財課', '10台', '順調'],
  ]) {
    sheet.addRow(row);
  }
  UNKNOWN = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psc-unknown-')), '点検表.xlsx');
  await workbook.xlsx.writeFile(UNKNOWN);
});

describe('an unrecognised table', () => {
  test('is reported with the closest template, the headers seen and the fields not found; the file exits 1', async () => {
    const { code, out } = await run('check', '--as-of', '2025-10-15', '--json', '-', UNKNOWN);
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    const [file] = report.files;
    expect(file.status).toBe('unrecognized');
    expect(report.totals.unrecognized).toBe(1);
    const [sheet] = file.sheets;
    expect(sheet.status).toBe('unrecognized');
    expect(sheet.template).toBeNull();
    expect(sheet.unrecognized?.headers).toEqual(['番号', 'テーマ', '担い手', '到達点', '自己点検']);
    expect(sheet.unrecognized?.missing.length).toBeGreaterThan(0);
    const warning = sheet.issues.find((i) => i.code === 'unrecognized-layout');
    expect(warning?.severity).toBe('warning');
    expect(warning?.cell).toBe('A2');
    expect(warning?.message).toContain('progress-sheet profile');
  });

  test('the terminal says what came closest and what to do', async () => {
    const { out } = await run('check', '--as-of', '2025-10-15', '--explain', UNKNOWN);
    expect(out).toMatch(/表ですが様式を判別できません/);
    expect(out).toMatch(/見つからない項目: /);
    expect(out).toContain('→ チェックできるシートがありません');
  });

  test('a cover sheet beside a checked sheet stays quietly 対象外, and the file is ok', async () => {
    const { out } = await run('check', '--as-of', '2025-10-15', '--json', '-', fixture('..', '..', 'examples', '行革デジタル推進課_実施計画.xlsx'));
    const report = JSON.parse(out) as JsonReport;
    expect(report.files[0].status).toBe('ok');
    const statuses = report.files[0].sheets.map((s) => s.status);
    expect(statuses).toContain('checked');
    for (const s of report.files[0].sheets.filter((x) => x.status === 'not-table')) expect(s.issues).toEqual([]);
  });
});

describe('progress-sheet profile', () => {
  test('proposes a profile on standard output that, passed back with --config, recognises the sheet', async () => {
    const proposed = await run('profile', UNKNOWN);
    expect(proposed.code).toBe(0);
    expect(proposed.err).toContain('見出しから定義の案を作りました');
    expect(proposed.err).toMatch(/B\s+テーマ → item（確からしさ \d+%/);
    const config = JSON.parse(proposed.out) as { profiles: { id: string; columns: { field: string }[] }[] };
    expect(config.profiles[0].columns.map((c) => c.field)).toContain('item');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psc-profile-')), 'city.json');
    fs.writeFileSync(file, proposed.out);
    const checked = await run('check', '--as-of', '2025-10-15', '--json', '-', '--config', file, UNKNOWN);
    const report = JSON.parse(checked.out) as JsonReport;
    expect(report.files[0].status).toBe('ok');
    expect(report.files[0].sheets[0].template).toBe(config.profiles[0].id);
    expect(report.files[0].sheets[0].rows.length).toBeGreaterThan(0);
  });

  test('--sheet picks a sheet; an unknown sheet name is one line and status 2', async () => {
    const bad = await run('profile', path.join(SEEDS, '000-quarterly.xlsx'), '--sheet', 'ない');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('シート「ない」がありません');
    const none = await run('profile');
    expect(none.code).toBe(2);
  });
});

describe('check --explain', () => {
  test('prints which column was read as which field and by which label', async () => {
    const { out } = await run('check', '--as-of', '2025-10-15', '--explain', path.join(SEEDS, '000-quarterly.xlsx'));
    expect(out).toContain('列の読み取り（列 見出し → 項目 ／ 一致した語）');
    expect(out).toMatch(/A\s+項 目 → item/);
    expect(out).toMatch(/B\s+担当部局 → department/);
    expect(out).toMatch(/C\s+1\/4四半期（4月から6月）→ period|C\s+1\/4四半期（4月から6月） → period/);
  });
});
