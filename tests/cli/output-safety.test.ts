/**
 * Originals are never written (issue: the reform office's batch, data loss). Each case the issue
 * found is rebuilt here; the originals are compared by sha256 before and after.
 */
import { runCli } from '../helpers/cli';
import { spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import type { JsonReport } from '../../src/cli/report';
import { ROOT, SEEDS } from '../helpers/workbooks';

const run = (...argv: string[]) => runCli(argv, { workers: 1 });

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'psc-safety-'));

/** A submissions folder: two department workbooks built from the seeds. */
function submissions(dir: string): { folder: string; files: string[]; hashes: () => string[] } {
  const folder = path.join(dir, 'submissions');
  fs.mkdirSync(folder, { recursive: true });
  const files = [path.join(folder, '政策企画局.xlsx'), path.join(folder, '総務課.xlsx')];
  fs.copyFileSync(path.join(SEEDS, '000-quarterly.xlsx'), files[0]);
  fs.copyFileSync(path.join(SEEDS, '002-plan-result-evaluation.xlsx'), files[1]);
  return { folder, files, hashes: () => files.map(sha) };
}

describe('outputs never land on or inside an input', () => {
  test('check DIR --out DIR is refused before any work: status 2, one line, originals byte-identical', async () => {
    const { folder, hashes } = submissions(tempDir());
    const before = hashes();
    const { code, err, out } = await run('check', '--as-of', '2025-10-15', '--out', folder, folder);
    expect(code).toBe(2);
    expect(err).toContain('--out');
    expect(err).toContain('別のフォルダを指定してください');
    expect(err.split('\n')).toHaveLength(1);
    expect(out).toBe('');
    expect(hashes()).toEqual(before);
  });

  test('--out inside an input folder is refused, so copies are never checked on the next run', async () => {
    const { folder, hashes } = submissions(tempDir());
    const before = hashes();
    for (let i = 0; i < 2; i++) {
      const { code, err } = await run('check', '--as-of', '2025-10-15', '--out', path.join(folder, 'checked'), folder);
      expect(code).toBe(2);
      expect(err).toContain('その中にあります');
    }
    expect(fs.existsSync(path.join(folder, 'checked'))).toBe(false);
    expect(hashes()).toEqual(before);
  });

  test('--out through a symlink to the input folder is refused too', async () => {
    const dir = tempDir();
    const { folder, hashes } = submissions(dir);
    const before = hashes();
    fs.symlinkSync(folder, path.join(dir, 'link'));
    const { code } = await run('check', '--as-of', '2025-10-15', '--out', path.join(dir, 'link'), folder);
    expect(code).toBe(2);
    expect(hashes()).toEqual(before);
  });

  test('a file given by name with --out at its own folder is refused (the copy would be the original)', async () => {
    const { folder, files, hashes } = submissions(tempDir());
    const before = hashes();
    const { code, err } = await run('check', '--as-of', '2025-10-15', '--out', folder, files[0]);
    expect(code).toBe(2);
    expect(err).toContain('--out');
    expect(hashes()).toEqual(before);
  });

  test.each(['--summary', '--json'])('%s naming an input is refused and the input kept', async (option) => {
    const { folder, files, hashes } = submissions(tempDir());
    const before = hashes();
    const { code, err } = await run('check', '--as-of', '2025-10-15', option, files[1], folder);
    expect(code).toBe(2);
    expect(err).toContain(`${option} ${files[1]} はチェックするファイルそのものです`);
    expect(hashes()).toEqual(before);
  });

  test('a summary and a JSON report inside the input folder are written, and not checked on the next run', async () => {
    const { folder, hashes } = submissions(tempDir());
    const before = hashes();
    const summary = path.join(folder, '集計.xlsx');
    const json = path.join(folder, 'report.json');
    const first = await run('check', '--as-of', '2025-10-15', '--summary', summary, '--json', json, folder);
    const second = await run('check', '--as-of', '2025-10-15', '--summary', summary, '--json', json, folder);
    expect(first.code).toBe(second.code);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as JsonReport;
    expect(report.files.map((f) => path.basename(f.path))).toEqual(['政策企画局.xlsx', '総務課.xlsx']);
    expect(report.totals.errors).toBe((JSON.parse(fs.readFileSync(json, 'utf8')) as JsonReport).totals.errors);
    expect(hashes()).toEqual(before);
  });
});

describe('copies: every one present, none clobbering another', () => {
  test('two inputs with one name in different folders give two copies, mirroring their paths', async () => {
    const dir = tempDir();
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, sub));
      fs.copyFileSync(path.join(SEEDS, sub === 'a' ? '000-quarterly.xlsx' : '004-kpi-target-actual.xlsx'), path.join(dir, sub, '進捗.xlsx'));
    }
    const out = path.join(dir, 'out');
    const { code } = await run('check', '--as-of', '2025-10-15', '--out', out, path.join(dir, 'a'), path.join(dir, 'b', '進捗.xlsx'));
    expect(code).toBe(1);
    const copies = ['a', 'b'].map((sub) => path.join(out, sub, '進捗.xlsx'));
    for (const copy of copies) expect(fs.statSync(copy).isFile()).toBe(true);
    expect(sha(copies[0])).not.toBe(sha(copies[1]));
    // each copy is its own workbook's: the quarterly one has no 美祢市 sheet
    expect(strFromU8(unzipSync(fs.readFileSync(copies[1]))['xl/workbook.xml'])).toContain('進捗管理票');
    expect(strFromU8(unzipSync(fs.readFileSync(copies[0]))['xl/workbook.xml'])).not.toContain('進捗管理票');
  });

  test('a symlink planted where a copy goes is replaced, not followed: its target is untouched', async () => {
    const dir = tempDir();
    const { folder } = submissions(dir);
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.symlinkSync(victim, path.join(out, '政策企画局.xlsx'));
    await run('check', '--as-of', '2025-10-15', '--out', out, folder);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(out, '政策企画局.xlsx')).isFile()).toBe(true);
  });

  test('a symlinked folder planted in the out folder is refused for that copy (one line); the others are written', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'in', 'a'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'in', 'b'), { recursive: true });
    fs.copyFileSync(path.join(SEEDS, '000-quarterly.xlsx'), path.join(dir, 'in', 'a', 'x.xlsx'));
    fs.copyFileSync(path.join(SEEDS, '000-quarterly.xlsx'), path.join(dir, 'in', 'b', 'x.xlsx'));
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.symlinkSync(elsewhere, path.join(out, 'a'));
    const { code, out: printed } = await run('check', '--as-of', '2025-10-15', '--out', out, path.join(dir, 'in'));
    expect(code).toBe(2);
    expect(printed).toMatch(/写しを保存できません: .*シンボリックリンクです/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.statSync(path.join(out, 'b', 'x.xlsx')).isFile()).toBe(true);
  });

  test('an .xlsm copy keeps its macros (vbaProject.bin byte-identical) and its name', async () => {
    const dir = tempDir();
    const parts = unzipSync(fs.readFileSync(path.join(SEEDS, '000-quarterly.xlsx')));
    const macro = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
    parts['xl/vbaProject.bin'] = macro;
    parts['[Content_Types].xml'] = strToU8(
      strFromU8(parts['[Content_Types].xml'])
        .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    const input = path.join(dir, 'in', 'マクロ付き.xlsm');
    fs.mkdirSync(path.dirname(input));
    fs.writeFileSync(input, zipSync(parts));
    const before = sha(input);
    const out = path.join(dir, 'out');
    const { code } = await run('check', '--as-of', '2025-10-15', '--out', out, path.join(dir, 'in'));
    expect(code).toBe(0);
    expect(sha(input)).toBe(before);
    const copy = unzipSync(fs.readFileSync(path.join(out, 'マクロ付き.xlsm')));
    expect(Buffer.from(copy['xl/vbaProject.bin']).equals(Buffer.from(macro))).toBe(true);
  });
});

describe('an interrupted run leaves no partial file under a final name', () => {
  test('SIGINT while a copy is being written: no copy, no temporary, status 130, original intact', async () => {
    const dir = tempDir();
    const { folder, hashes } = submissions(dir);
    const before = hashes();
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'tests/cli/runCli.ts'), 'check', '--as-of', '2025-10-15', '--out', out, folder], {
      cwd: ROOT,
      env: { ...process.env, PSC_TEST_HOLD_BEFORE_RENAME_MS: '20000', PSC_WORKERS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 50_000;
    const temporaries = () => (fs.existsSync(out) ? fs.readdirSync(out).filter((n) => n.endsWith('.tmp')) : []);
    while (temporaries().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // one copy or both may be held before their rename (the next file is checked meanwhile)
    expect(temporaries().length).toBeGreaterThanOrEqual(1);
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(130);
    expect(stderr).toContain('中断しました');
    expect(fs.readdirSync(out)).toEqual([]);
    expect(hashes()).toEqual(before);
  }, 90_000);
});
