/** `progress-sheet check`: the reform office's command line (design.md §8). */
import { runCli } from '../helpers/cli';
import { earlyWorkerWaiting, startWorkerEarly } from '../../src/cli/pool';
import { execFileSync, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { JsonReport } from '../../src/cli/report';
import { EXAMPLES, HARD, ROOT, SEEDS } from '../helpers/workbooks';

const run = (...argv: string[]) => runCli(argv);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'psc-cli-'));
}

/** A cell note as text: ExcelJS gives a plain string, or rich-text runs as Excel writes them. */
function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((run) => (typeof run === 'string' ? run : run.text)).join('');
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('exit status and terminal output', () => {
  test('the bundled examples: errors found → status 1, one block per file and the totals', async () => {
    const { code, out } = await run('check', '--as-of', '2025-10-15', EXAMPLES);
    expect(code).toBe(1);
    expect(out).toContain('政策企画局_四半期進捗.xlsx');
    expect(out).toMatch(/D8\s+エラー\s+2\/4四半期（7月から9月）の実績が未入力です。/);
    expect(out).toContain('［表紙］ 進行管理票ではありません（対象外）');
    expect(out).toContain('合計: ファイル 4（読めないもの 0、チェックできるシートがないもの 1）、進行管理票 3 シート');
    // a workbook with only a cover sheet is not taken for a clean submission
    expect(out).toContain('→ チェックできるシートがありません');
  });

  test('a sheet with no error → status 0 (warnings do not fail)', async () => {
    const { code } = await run('check', '--as-of', '2024-06-01', path.join(SEEDS, '001-annual-results.xlsx'));
    expect(code).toBe(0);
  });

  test('unreadable inputs: one line each, no stack trace, status 2, the readable file still checked', async () => {
    const { code, out, err } = await run('check', '--as-of', '2025-10-15', path.join(HARD, 'unreadable'), path.join(SEEDS, '000-quarterly.xlsx'));
    expect(code).toBe(2);
    const lines = out.split('\n');
    const reasons = lines.filter((l) => l.startsWith('✗'));
    expect(reasons).toHaveLength(4);
    expect(reasons.find((l) => l.includes('password.xlsx'))).toContain('パスワード付き（暗号化）のブックか、旧形式（.xls）のブックです');
    expect(reasons.find((l) => l.includes('csv-renamed.xlsx'))).toContain('Excel ブック（.xlsx）ではありません');
    expect(reasons.find((l) => l.includes('truncated.xlsx'))).toContain('ファイルが壊れているか途中で切れています');
    expect(reasons.find((l) => l.includes('empty.xlsx'))).toContain('空のファイルです');
    expect(out).toContain('■ ');
    expect(out + err).not.toMatch(/\n\s+at /);
  });

  test('a legacy .xls and a path that does not exist are unreadable with a reason', async () => {
    const dir = tempDir();
    const xls = path.join(dir, '旧様式.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const { code, out } = await run('check', xls, path.join(dir, 'ない.xlsx'));
    expect(code).toBe(2);
    expect(out).toContain('旧形式（.xls）のブックです。Excel で開き .xlsx 形式で保存し直してください。');
    expect(out).toContain('ファイルまたはフォルダが見つかりません。');
  });

  test.each([
    [['check'], 'チェックするファイルまたはフォルダを指定してください。'],
    [['check', '--as-of', '2025/10/15', 'x.xlsx'], '--as-of は YYYY-MM-DD の形の日付で指定してください'],
    [['check', '--frobnicate', 'x.xlsx'], '不明なオプションです: --frobnicate'],
    [['inspect', 'x.xlsx'], '不明なコマンドです: inspect'],
  ])('misuse %j → status 2 with a message', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test('--lang en: misuse, unreadable files and the usage in English', async () => {
    const misuse = await run('check', '--lang', 'en', '--as-of', 'yesterday', 'x.xlsx');
    expect(misuse.code).toBe(2);
    expect(misuse.err).toContain('--as-of takes a date as YYYY-MM-DD: yesterday');
    expect(misuse.err).toContain('Run "progress-sheet --help" for the usage.');
    const { code, out } = await run('check', '--lang', 'en', path.join(HARD, 'unreadable', 'password.xlsx'));
    expect(code).toBe(2);
    expect(out).toContain('The workbook is password-protected (encrypted) or in the old .xls format. Remove the password and save it as .xlsx.');
    expect((await run('--help', '--lang', 'en')).out).toContain('Usage: progress-sheet check');
  });

  test('--help prints the usage in Japanese', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('使い方: progress-sheet check');
  });

  test('a configuration file that is not valid is refused with status 2 and the reason', async () => {
    const dir = tempDir();
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ fiscalYearStartMonth: 13 }));
    const { code, err } = await run('check', '--config', config, EXAMPLES);
    expect(code).toBe(2);
    expect(err).toContain('の設定が正しくありません: fiscalYearStartMonth');
    fs.writeFileSync(config, '{ not json');
    expect((await run('check', '--config', config, EXAMPLES)).err).toContain('正しい JSON ではありません');
  });

  test('a configuration file sets the grade scale', async () => {
    const dir = tempDir();
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ gradeScale: [{ grade: 'A', min: 1 }, { grade: 'B', min: 0 }, { grade: 'C', min: null }] }));
    const json = path.join(dir, 'r.json');
    await run('check', '--as-of', '2024-06-01', '--config', config, '--json', json, path.join(SEEDS, '004-kpi-target-actual.xlsx'));
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as JsonReport;
    const no10 = report.files[0].sheets[0].rows.find((r) => r.id === '10');
    expect(no10?.grade).toBe('B');
  });
});

describe('the JSON report (a contract)', () => {
  test('--json - writes the report to standard output with the documented fields', async () => {
    const { code, out, err } = await run('check', '--as-of', '2024-06-01', '--json', '-', path.join(SEEDS, '004-kpi-target-actual.xlsx'));
    expect(code).toBe(1);
    expect(err).toContain('合計:'); // the human summary moves to stderr
    const report = JSON.parse(out) as JsonReport;
    expect(report.asOf).toBe('2024-06-01');
    const file = report.files[0];
    expect(file).toMatchObject({ path: expect.stringContaining('004-kpi-target-actual.xlsx'), status: 'ok', error: null });
    const sheet = file.sheets[0];
    expect(sheet).toMatchObject({ name: '進捗管理票', template: 'kpi-target-actual', headerRows: [7, 8, 17, 18, 39, 40, 66, 67, 81, 82, 91, 92], fiscalYear: 2023 });
    expect(sheet.confidence).toBeGreaterThan(0.9);
    const no9 = sheet.rows.find((r) => r.id === '9');
    expect(no9).toMatchObject({ row: 19, id: '9', item: '自治体クラウドの導入', department: null, grade: 'A', selfGrade: 'B', evaluation: null });
    expect(no9?.achievementRate).toBeCloseTo(1.0636, 4);
    expect(sheet.issues[0]).toEqual({
      code: 'grade-mismatch',
      severity: 'warning',
      cell: 'W19',
      row: 19,
      column: 23,
      field: 'evaluation',
      message: '自己評価「B」が、達成率 106.36% からの算定評価「A」と異なります。評価の根拠を確認してください。',
    });
    expect(report.totals).toMatchObject({ files: 1, unreadable: 0, sheets: 1, rows: 36, errors: 15, warnings: 5 });
  });

  test('an unreadable file has status "unreadable", its reason in "error" and no sheets', async () => {
    const { out } = await run('check', '--json', '-', path.join(HARD, 'unreadable', 'password.xlsx'));
    const report = JSON.parse(out) as JsonReport;
    expect(report.files[0]).toMatchObject({ status: 'unreadable', sheets: [] });
    expect(report.files[0].error).toMatch(/^パスワード付き/);
    expect(report.totals.unreadable).toBe(1);
  });
});

describe('--out and --summary', () => {
  test('--out writes annotated copies (flags, notes, computed columns); the originals are untouched', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in');
    fs.mkdirSync(path.join(input, '美祢市'), { recursive: true });
    const original = path.join(input, '美祢市', '進捗.xlsx');
    fs.copyFileSync(path.join(SEEDS, '004-kpi-target-actual.xlsx'), original);
    const before = sha(original);
    const out = path.join(dir, 'out');
    const { code } = await run('check', '--as-of', '2024-06-01', '--out', out, input);
    expect(code).toBe(1);
    expect(sha(original)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '美祢市', '進捗.xlsx'));
    const ws = wb.getWorksheet('進捗管理票')!;
    const u27 = ws.getCell('U27');
    expect(u27.value).toBe('294.34%'); // a person's value is never changed
    expect((u27.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    expect(noteText(u27.note)).toContain('137.91%');
    expect((ws.getCell('I42').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell('X7').value).toBe('算定評価（自動計算）');
    expect(ws.getCell('X19').value).toBe('A');
    expect(String(ws.getCell('Y42').value)).toContain('I42: R5年度 年度実績が未入力です。');
  });

  test('--summary writes one consolidated sheet: by department, by file, every issue', async () => {
    const dir = tempDir();
    const target = path.join(dir, '集計.xlsx');
    await run('check', '--as-of', '2025-10-15', '--summary', target, EXAMPLES, path.join(HARD, 'unreadable', 'empty.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['集計']);
    const rows = (wb.getWorksheet('集計')!.getSheetValues().filter(Boolean) as ExcelJS.CellValue[][]).map((r) => r.slice(1));
    expect(rows[0][0]).toBe('進行管理票 集計（基準日 2025-10-15）');
    const total = rows.find((r) => r[0] === '合計')!;
    // 72 items across the three progress sheets; rates for 9 items of 美祢市 and 16 of the 実施計画 edition
    expect(total.slice(0, 3)).toEqual(['合計', 72, 9 + 16]);
    const dept = rows.find((r) => r[0] === '政策企画局')!;
    expect(dept[1]).toBe(8); // eight of the nine quarterly items are led by 政策企画局 (one by 産業経済部)
    expect(rows.some((r) => String(r[0]).endsWith('examples/政策企画局_四半期進捗.xlsx') && r[6] === '要修正')).toBe(true);
    expect(rows.some((r) => String(r[6] ?? '').startsWith('読めません: 空のファイルです'))).toBe(true);
    const issueLines = rows.filter((r) => typeof r[2] === 'string' && /^[A-Z]+\d+$/.test(r[2] as string));
    expect(issueLines).toHaveLength(22);
  });
});

describe('the installed command', () => {
  const bin = path.join(ROOT, 'bin', 'progress-sheet.js');
  const built = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'cli', 'main.js'));

  (built ? test : test.skip)('npx progress-sheet check runs the built CLI and returns its exit status', () => {
    const ok = spawnSync(process.execPath, [bin, 'check', '--as-of', '2024-06-01', path.join(SEEDS, '001-annual-results.xlsx')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('年度実績型');
    const bad = spawnSync(process.execPath, [bin, 'check', path.join(HARD, 'unreadable', 'empty.xlsx')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toMatch(/^progress-sheet \d+\.\d+\.\d+/);
  });

  (built ? test : test.skip)('a check that ends before any workbook is read is not held open by the checking thread started early', () => {
    const dir = tempDir();
    const empty = spawnSync(process.execPath, [bin, 'check', '--as-of', '2024-06-01', dir], { encoding: 'utf8', timeout: 20_000 });
    expect(empty.signal).toBeNull();
    expect(empty.status).toBe(0);
    expect(empty.stdout).toContain('チェックする .xlsx ファイルが見つかりませんでした');
    // refused: the out folder is the input folder
    const refused = spawnSync(process.execPath, [bin, 'check', '--as-of', '2024-06-01', '--out', dir, dir], { encoding: 'utf8', timeout: 20_000 });
    expect(refused.signal).toBeNull();
    expect(refused.status).toBe(2);
  });
});

describe('the checking thread started as the command begins (bin/progress-sheet.js)', () => {
  test('the first pool takes it, and checks with it as with any other', async () => {
    const worker = startWorkerEarly();
    let replies = 0;
    worker.on('message', () => replies++);
    expect(earlyWorkerWaiting()).toBe(true);
    const result = await run('check', '--as-of', '2024-06-01', path.join(SEEDS, '001-annual-results.xlsx'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('年度実績型');
    expect(earlyWorkerWaiting()).toBe(false);
    // the workbook was checked by that very thread
    expect(replies).toBe(1);
  });

  test('a pool with other memory limits ends it and starts its own', async () => {
    const worker = startWorkerEarly({ memoryMb: 256, timeoutMs: 30_000 });
    let replies = 0;
    worker.on('message', () => replies++);
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    const result = await runCli(['check', '--as-of', '2024-06-01', path.join(SEEDS, '001-annual-results.xlsx')], { limits: { memoryMb: 512 } });
    expect(result.code).toBe(0);
    expect(earlyWorkerWaiting()).toBe(false);
    expect(replies).toBe(0);
    await exited;
  });
});

describe('a sheet with two tables (羽村市 施策評価シート)', () => {
  const file = path.join(ROOT, 'tests/fixtures/cities/hamura.xlsx');

  test('--explain shows how each table was read; the JSON report lists the second; both tables’ issues count', async () => {
    const explained = await run('check', '--as-of', '2017-08-01', '--explain', file);
    expect(explained.code).toBe(1);
    expect(explained.out).toContain('13・14 行目からの表: 年度実績型、8 件（列の読み取り）:');
    expect(explained.out).toMatch(/A21\s+エラー\s+No\.6 が A20 と重複しています。番号を確認してください。/);
    const dir = tempDir();
    await run('check', '--as-of', '2017-08-01', '--quiet', '--json', path.join(dir, 'r.json'), file);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as JsonReport;
    const sheet = report.files[0].sheets[0];
    expect(sheet.otherTables?.map((t) => [t.template, t.headerRows, t.items])).toEqual([['annual-results', [13, 14], 8]]);
    expect(sheet.issues.map((i) => i.cell)).toEqual(expect.arrayContaining(['E16', 'H17', 'B18', 'A21']));
  });
});
