/**
 * One hostile file costs bounded time and memory and becomes one line; the rest of the batch is
 * still checked (issue: the reform office's batch). Every case the issue found is rebuilt here,
 * next to a good workbook that must still be reported.
 */
import { execFileSync } from 'child_process';
import type { Dirent } from 'fs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Deflate, strToU8, zipSync } from 'fflate';
import { collectInputs } from '../../src/cli/collect';
import { main } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/report';
import { numberCell, rawXlsx, quarterlyRows, textCell } from '../helpers/rawXlsx';
import { EXAMPLES, SEEDS } from '../helpers/workbooks';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'psc-hostile-'));

async function runJson(args: string[], options: Parameters<typeof main>[2] = {}): Promise<{ code: number; report: JsonReport | null; err: string; ms: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const started = Date.now();
  const code = await main(['check', '--as-of', '2025-10-15', '--json', '-', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) }, options);
  const text = out.join('\n');
  return { code, report: text ? (JSON.parse(text) as JsonReport) : null, err: err.join('\n'), ms: Date.now() - started };
}

/** A folder with the hostile file and one good workbook beside it. */
function batch(name: string, bytes: Uint8Array): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, name), bytes);
  fs.copyFileSync(path.join(SEEDS, '000-quarterly.xlsx'), path.join(dir, 'ok.xlsx'));
  return dir;
}

function fileOf(report: JsonReport, name: string) {
  const file = report.files.find((f) => path.basename(f.path) === name);
  if (!file) throw new Error(`${name} not in the report`);
  return file;
}

function expectGoodFileChecked(report: JsonReport): void {
  const ok = fileOf(report, 'ok.xlsx');
  expect(ok.status).toBe('ok');
  expect(ok.sheets[0].template).toBe('quarterly');
}

describe('hostile workbooks become one line, and the batch goes on', () => {
  test('one value in column XFD on each of 50,000 rows: checked quickly, not blown up to a dense grid', async () => {
    let rows = '';
    for (let r = 1; r <= 50_000; r++) rows += `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`;
    const dir = batch('xfd.xlsx', rawXlsx([{ name: 'Sheet1', rows }]));
    const { code, report, ms } = await runJson([dir]);
    expect(report).not.toBeNull();
    expectGoodFileChecked(report!);
    // a sheet of numbers is no progress sheet: the file is read, and reported as not checkable
    expect(fileOf(report!, 'xfd.xlsx').status).toBe('unrecognized');
    expect(code).toBe(1);
    expect(ms).toBeLessThan(30_000);
  });

  test('a progress sheet with a stray cell at XFD1048576 is still checked, quickly', async () => {
    const rows =
      quarterlyRows([
        { title: '1 窓口のデジタル化', department: '市民課', q1: '実施した', q2: '' },
        { title: '2 公共施設の再編', department: '', q1: '検討した', q2: '協議した' },
      ]) + `<row r="1048576">${textCell('XFD1048576', 'x')}</row>`;
    const dir = batch('stray.xlsx', rawXlsx([{ name: '進捗', rows }]));
    const { report, ms } = await runJson([dir]);
    expectGoodFileChecked(report!);
    const stray = fileOf(report!, 'stray.xlsx');
    expect(stray.status).toBe('ok');
    expect(stray.sheets[0].issues.map((i) => `${i.cell} ${i.code}`)).toEqual(expect.arrayContaining(['D2 missing-entry', 'B3 required-missing']));
    expect(ms).toBeLessThan(30_000);
  });

  test('a workbook whose copy cannot be written safely gets its check, one line saying what to do, and no copy; the batch goes on', async () => {
    // a package with no styles part: the copy's fills have nowhere to go
    const rows = quarterlyRows([{ title: '1 窓口のデジタル化', department: '市民課', q1: '', q2: '' }]);
    const original = rawXlsx([{ name: '進捗', rows }]);
    const dir = batch('nostyles.xlsx', original);
    const out = path.join(tempDir(), 'out');
    const { code, report } = await runJson(['--out', out, dir]);
    expect(code).toBe(2);
    expectGoodFileChecked(report!);
    const refused = fileOf(report!, 'nostyles.xlsx');
    expect(refused.status).toBe('ok');
    expect(refused.sheets[0].issues.map((i) => `${i.cell} ${i.code}`)).toEqual(expect.arrayContaining(['C2 missing-entry', 'D2 missing-entry']));
    expect(refused.copyError).toBe(
      '書式 (styles.xml) がありません。ブックを壊さずに書き込めないため、写しは作りませんでした（チェックの結果は上のとおりです）。写しが必要なときは、このブックを Excel で開いて保存し直してから、もう一度チェックしてください。',
    );
    expect(fs.readdirSync(out).sort()).toEqual(['ok.xlsx']);
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'nostyles.xlsx')))).toEqual(original);
  });

  test('a file inflating to 400 MB of rows is refused as too large within the bound', async () => {
    // 1.2 MB on disk: the sheet XML is built and deflated in chunks, never whole in memory
    const chunks: Uint8Array[] = [];
    const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
    const head = strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
    deflate.push(head);
    const block = strToU8('<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>'.repeat(16_000));
    for (let written = 0; written < 400 * 1024 * 1024; written += block.length) deflate.push(block);
    deflate.push(strToU8('</sheetData></worksheet>'), true);
    const compressed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      compressed.set(c, at);
      at += c.length;
    }
    const sheet = rawXlsx([{ name: 'Sheet1', rows: '' }]);
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(sheet);
    // store the pre-deflated sheet as-is: fflate's zip writes level 0 entries verbatim, so wrap by hand
    const bomb = zipWithRawEntry(parts, 'xl/worksheets/sheet1.xml', compressed, 400 * 1024 * 1024);
    const dir = batch('bomb.xlsx', bomb);
    const { code, report, ms } = await runJson([dir]);
    expectGoodFileChecked(report!);
    expect(fileOf(report!, 'bomb.xlsx').status).toBe('unreadable');
    expect(fileOf(report!, 'bomb.xlsx').error).toContain('大きすぎる');
    expect(code).toBe(2);
    expect(ms).toBeLessThan(30_000);
  }, 120_000);

  test('numeric cells of "1(((…": read in linear time, messages quote a short excerpt', async () => {
    // the target is a figure, so the indicator is numeric and its text cells are invalid numbers
    const evil = `1${'('.repeat(20_000)}`;
    const rows =
      `<row r="1">${textCell('A1', 'No.')}${textCell('B1', '取組項目')}${textCell('C1', '指標')}${textCell('D1', '基準値（2024）')}${textCell('E1', '目標値（2030）')}${textCell('F1', '担当課')}${textCell('G1', '実績値（2025）')}</row>` +
      Array.from({ length: 3 }, (_, i) => {
        const r = i + 2;
        return `<row r="${r}">${textCell(`A${r}`, String(i + 1))}${textCell(`B${r}`, `取組${i + 1}`)}${textCell(`C${r}`, '件数')}${textCell(`D${r}`, evil)}${numberCell(`E${r}`, 100)}${textCell(`F${r}`, '財政課')}${textCell(`G${r}`, evil)}</row>`;
      }).join('');
    const dir = batch('parens.xlsx', rawXlsx([{ name: '計画', rows }]));
    const { report, ms } = await runJson([dir]);
    expectGoodFileChecked(report!);
    const file = fileOf(report!, 'parens.xlsx');
    const invalid = file.sheets[0].issues.filter((i) => i.code === 'invalid-number');
    expect(invalid.length).toBeGreaterThanOrEqual(6);
    for (const issue of invalid) expect(issue.message.length).toBeLessThan(200);
    expect(ms).toBeLessThan(30_000);
  });

  test('a Word document or a plain zip renamed .xlsx is "not a workbook", not a clean pass', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const dir = batch('report.xlsx', docx);
    const { code, report } = await runJson([dir]);
    expectGoodFileChecked(report!);
    expect(fileOf(report!, 'report.xlsx').status).toBe('unreadable');
    expect(code).toBe(2);
  });

  test('a FIFO and a link to /dev/zero named *.xlsx are refused at once as no regular file', async () => {
    const dir = batch('dummy.txt', new Uint8Array(1));
    execFileSync('mkfifo', [path.join(dir, 'pipe.xlsx')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.xlsx'));
    const { code, report, ms } = await runJson([dir]);
    expectGoodFileChecked(report!);
    for (const name of ['pipe.xlsx', 'zero.xlsx']) {
      expect(fileOf(report!, name).status).toBe('unreadable');
      expect(fileOf(report!, name).error).toContain('通常のファイルではありません');
    }
    expect(code).toBe(2);
    expect(ms).toBeLessThan(30_000);
  });

  test('a workbook over the time limit is ended and becomes one line; the next file is checked', async () => {
    const dir = batch('slow.xlsx', fs.readFileSync(path.join(SEEDS, '004-kpi-target-actual.xlsx')));
    const { code, report } = await runJson([dir], { workers: 1, limits: { timeoutMs: 1 } });
    // with a 1 ms limit every file is "too complex": each is one line, and the run ends normally
    expect(report!.files).toHaveLength(2);
    for (const file of report!.files) {
      expect(file.status).toBe('unreadable');
      expect(file.error).toContain('秒で終わりません');
    }
    expect(code).toBe(2);
  });
});

test('a workbook needing more memory than the per-file limit is ended and becomes one line; the batch goes on', async () => {
  // 20,000 items need over 40 MB of heap to read and check (a department's workbook, under 16):
  // with a 24 MB limit the worker runs out on the large one only
  const { generateWorkbook } = await import('../../bench/generateSheet');
  const dir = batch('large.xlsx', await generateWorkbook(20_000));
  const { code, report } = await runJson([dir], { workers: 1, limits: { memoryMb: 24 } });
  expectGoodFileChecked(report!);
  const large = fileOf(report!, 'large.xlsx');
  expect(large.status).toBe('unreadable');
  expect(large.error).toContain('メモリ 24 MB を超えて必要です');
  expect(code).toBe(2);
}, 120_000);

test('with --out, a copy held by a worker that then runs out of memory on another file is made again: no copy is lost', async () => {
  // a.xlsx is checked first and its copy held (copies are made once no check waits); the worker
  // then runs out of memory on large.xlsx, and a.xlsx's copy is made again from its bytes
  const { generateWorkbook } = await import('../../bench/generateSheet');
  const dir = tempDir();
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  // a workbook with issues, so that its copy differs from it
  const flagged = path.join(EXAMPLES, '美祢市_進捗管理票.xlsx');
  fs.copyFileSync(flagged, path.join(input, 'a.xlsx'));
  fs.writeFileSync(path.join(input, 'large.xlsx'), await generateWorkbook(20_000));
  fs.copyFileSync(flagged, path.join(input, 'ok.xlsx'));
  const out = path.join(dir, 'out');
  const { code, report } = await runJson(['--out', out, input], { workers: 1, limits: { memoryMb: 24 } });
  expect(fileOf(report!, 'large.xlsx').error).toContain('メモリ 24 MB を超えて必要です');
  for (const name of ['a.xlsx', 'ok.xlsx']) {
    const file = fileOf(report!, name);
    expect(file.status).toBe('ok');
    expect(file.copyError).toBeUndefined();
  }
  expect(fs.readdirSync(out).sort()).toEqual(['a.xlsx', 'ok.xlsx']);
  // the copy made again is the same as the copy made in turn
  expect(fs.readFileSync(path.join(out, 'a.xlsx')).equals(fs.readFileSync(path.join(out, 'ok.xlsx')))).toBe(true);
  expect(fs.readFileSync(path.join(out, 'a.xlsx')).equals(fs.readFileSync(flagged))).toBe(false);
  expect(code).toBe(2);
}, 120_000);

describe('profile label patterns are checked when the configuration is read', () => {
  test.each([
    ['^(a+)+$', '繰り返しの中に繰り返し'],
    ['(', '正規表現として読めません'],
  ])('label %s is refused with the config file named, before any workbook is read', async (label, reason) => {
    const dir = tempDir();
    const config = path.join(dir, 'city.json');
    fs.writeFileSync(
      config,
      JSON.stringify({ profiles: [{ id: 'city-x', name: { ja: 'X市', en: 'X' }, columns: [{ field: 'item', labels: [label] }, { field: 'department', labels: ['^所管$'] }] }] }),
    );
    const started = Date.now();
    const { code, err } = await runJson(['--config', config, path.join(SEEDS, '000-quarterly.xlsx')]);
    expect(code).toBe(2);
    expect(err).toContain(config);
    expect(err).toContain(reason);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('folders: one unreadable folder is one line, names are bytes', () => {
  test('a folder that cannot be listed is reported, and the other folders are checked', async () => {
    const dir = tempDir();
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, sub));
      fs.copyFileSync(path.join(SEEDS, '000-quarterly.xlsx'), path.join(dir, sub, `${sub}.xlsx`));
    }
    // root (who runs CI) can list any folder: the refusal is injected
    const denied = path.join(dir, 'a');
    const inputs = await collectInputs([dir], {
      readdir: async (folder: Buffer) => {
        if (folder.toString() === denied) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return fs.promises.readdir(folder, { withFileTypes: true, encoding: 'buffer' }) as Promise<Dirent<Buffer>[]>;
      },
    });
    expect(inputs.map((i) => [path.basename(i.shown), i.problem?.kind ?? 'ok'])).toEqual([
      ['a', 'folder-unreadable'],
      ['b.xlsx', 'ok'],
    ]);
  });

  test('a subfolder whose name is not UTF-8 (Shift_JIS from an old share) is walked and its workbook checked', async () => {
    const dir = tempDir();
    const sjisName = Buffer.from([0x91, 0x8d, 0x96, 0xb1, 0x89, 0xdb]); // 総務課 in Shift_JIS
    const sub = Buffer.concat([Buffer.from(dir + path.sep), sjisName]);
    fs.mkdirSync(sub);
    fs.copyFileSync(path.join(SEEDS, '000-quarterly.xlsx'), Buffer.concat([sub, Buffer.from(`${path.sep}進捗.xlsx`)]));
    const out = path.join(tempDir(), 'out');
    const { report } = await runJson(['--out', out, dir]);
    expect(report!.files).toHaveLength(1);
    expect(report!.files[0].status).toBe('ok');
    expect(report!.files[0].path).toContain('\uFFFD');
    // the copy keeps the folder's bytes
    const copied = fs.readdirSync(Buffer.from(out), { encoding: 'buffer' });
    expect(copied.map((n) => n.toString('hex'))).toEqual([sjisName.toString('hex')]);
  });
});

/** A zip whose entry `name` holds already-deflated data (method 8) with the true inflated size. */
function zipWithRawEntry(parts: Record<string, Uint8Array>, name: string, deflated: Uint8Array, inflatedSize: number): Uint8Array {
  const entries = Object.entries(parts).map(([n, data]) => ({ name: n, data: n === name ? deflated : data, method: n === name ? 8 : 0, size: n === name ? inflatedSize : data.length }));
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const nameBytes = Buffer.from(e.name);
    const crc = 0; // no reader should trust it before inflating; ours must stop at the size cap first
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    chunks.push(local, nameBytes, Buffer.from(e.data));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, nameBytes);
    offset += 30 + nameBytes.length + e.data.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, centralBytes, end]));
}
