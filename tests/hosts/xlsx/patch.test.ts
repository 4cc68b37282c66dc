/** The annotated copy: the original package with only the changed parts rewritten. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { type CellFlag, FLAG_FILLS, checkSheet, type WritePlan } from '../../../src/engine';
import { readWorkbook } from '../../../src/hosts/xlsx/readWorkbook';
import { CannotAnnotateError, NOTE_AUTHOR, entryData, patchWorkbook, readZip, sheetPathOf, wellFormedError, type ZipEntry } from '../../../src/hosts/xlsx/patch';
import { annotatedParts } from '../../../src/cli/annotate';
import { copyProblemOf } from '../../../src/hosts/xlsx/patch/errors';
import { editedPackageBytes } from '../../../src/hosts/xlsx/patch/packageBytes';
import { MACRO_WORKBOOK_TYPE, PERSON, VBA_BYTES, buildPackage } from '../../fixtures/packages/build';
import { SEEDS, fixture } from '../../helpers/workbooks';

const AS_OF = '2025-10-15';
const SEED_004 = new Uint8Array(fs.readFileSync(path.join(SEEDS, '004-kpi-target-actual.xlsx')));
const SEED_002 = new Uint8Array(fs.readFileSync(path.join(SEEDS, '002-plan-result-evaluation.xlsx')));
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

async function plansOf(bytes: Uint8Array): Promise<{ name: string; plan: WritePlan }[]> {
  const sheets = await readWorkbook(bytes);
  return sheets
    .map((s) => ({ name: s.name, check: checkSheet(s.grid, { asOf: AS_OF, sheetName: s.name }) }))
    .filter((s) => s.check.template)
    .map((s) => ({ name: s.name, plan: s.check.plan }));
}

function entries(bytes: Uint8Array): Map<string, ZipEntry> {
  return new Map(readZip(bytes).map((e) => [e.name, e]));
}

function part(bytes: Uint8Array, name: string): string {
  const e = entries(bytes).get(name);
  if (!e) throw new Error(`no ${name}`);
  return text(entryData(e));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as ExcelJS.Comment | string | undefined;
  if (note === undefined) return undefined;
  return typeof note === 'string' ? note : note.texts?.map((t) => t.text).join('') ?? '';
}

/** Every element of a kind, as written. */
function elements(xml: string, pattern: RegExp): string[] {
  return [...xml.matchAll(pattern)].map((m) => m[0]);
}

/** Width of every column the <cols> ranges name. */
function widths(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const col of elements(xml, /<col [^>]*\/>/g)) {
    const min = Number(/min="(\d+)"/.exec(col)?.[1]);
    const max = Number(/max="(\d+)"/.exec(col)?.[1]);
    for (let c = min; c <= max; c++) out.set(c, /width="([^"]*)"/.exec(col)?.[1] ?? '');
  }
  return out;
}

/** Cell reference → the cell element as written. */
function cells(xml: string): Map<string, string> {
  return new Map(elements(xml, /<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g).map((c) => [/r="([^"]+)"/.exec(c)?.[1] ?? '', c]));
}

function a1(row: number, column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

describe('a workbook with a chart, image, shape, pivot table, formats, validation, notes and macros', () => {
  let plan: WritePlan;
  let sheetName: string;
  let original: Uint8Array;
  let copy: Uint8Array;
  let personCell: string;

  beforeAll(async () => {
    // the person's note goes on a cell the seed's own check flags
    personCell = (await plansOf(SEED_004))[0].plan.flags[0].cell;
    original = buildPackage(SEED_004, {
      chart: true,
      image: true,
      shape: true,
      pivot: true,
      formulas: true,
      conditionalFormat: true,
      dataValidation: true,
      macro: true,
      personNotes: [
        { cell: personCell, text: '確認中です' },
        { cell: 'A3', text: '表題のメモ' },
      ],
    });
    // the plan of the package itself: its formula row is read as well
    const plans = await plansOf(original);
    expect(plans).toHaveLength(1);
    ({ plan, name: sheetName } = plans[0]);
    expect(plan.flags.length).toBeGreaterThan(3);
    expect(plan.flags.map((f) => f.cell)).toContain(personCell);
    copy = patchWorkbook(original, [{ name: sheetName, plan }]);
  });

  test('no part is missing, new parts come last, and every part not meant to change is byte-identical', () => {
    const before = readZip(original);
    const after = readZip(copy);
    expect(after.map((e) => e.name).slice(0, before.length)).toEqual(before.map((e) => e.name));
    const changed = ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'];
    for (const [i, e] of before.entries()) {
      const now = after[i];
      if (changed.includes(e.name)) continue;
      expect([e.name, equalBytes(now.raw, e.raw), now.crc === e.crc, now.method === e.method]).toEqual([e.name, true, true, true]);
    }
    // the sheet already had comments and a drawing: nothing to add
    expect(after.length).toBe(before.length);
    for (const name of changed) expect(equalBytes(entryData(after.find((e) => e.name === name) as ZipEntry), entryData(before.find((e) => e.name === name) as ZipEntry))).toBe(false);
  });

  test('the macros stay: vbaProject.bin as it was, the macro content type and its relationship', () => {
    const zip = entries(copy);
    expect(equalBytes(entryData(zip.get('xl/vbaProject.bin') as ZipEntry), VBA_BYTES)).toBe(true);
    expect(part(copy, '[Content_Types].xml')).toContain(MACRO_WORKBOOK_TYPE);
    expect(part(copy, '[Content_Types].xml')).toContain('application/vnd.ms-office.vbaProject');
    expect(part(copy, 'xl/_rels/workbook.xml.rels')).toContain('vbaProject.bin');
  });

  test('the sheet keeps every formula, merge, format of unflagged cells, width, conditional format, validation and drawing', () => {
    const before = part(original, 'xl/worksheets/sheet1.xml');
    const after = part(copy, 'xl/worksheets/sheet1.xml');
    for (const pattern of [/<f[ >][\s\S]*?<\/f>|<f [^>]*\/>/g, /<mergeCells[\s\S]*?<\/mergeCells>/g, /<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g,
      /<dataValidations[\s\S]*?<\/dataValidations>/g, /<drawing [^>]*\/>/g, /<legacyDrawing [^>]*\/>/g, /<pageSetup [^>]*\/>/g]) {
      const found = elements(before, pattern);
      expect(found.length).toBeGreaterThan(0);
      expect(elements(after, pattern)).toEqual(found);
    }
    const touched = new Set([...plan.values.map((v) => a1(v.row, v.column)), ...plan.flags.map((f) => f.cell)]);
    const beforeCells = cells(before);
    const afterCells = cells(after);
    let kept = 0;
    for (const [ref, cell] of beforeCells) {
      if (touched.has(ref)) continue;
      expect([ref, afterCells.get(ref)]).toEqual([ref, cell]);
      kept++;
    }
    expect(kept).toBeGreaterThan(100);
    const appended = new Set(plan.appendedColumns.map((c) => c.column));
    const widthsBefore = widths(before);
    const widthsAfter = widths(after);
    for (const [column, width] of widthsBefore) if (!appended.has(column)) expect([column, widthsAfter.get(column)]).toEqual([column, width]);
    for (const c of plan.appendedColumns) expect(widthsAfter.get(c.column)).toBe(c.role === 'result' ? '60' : '14');
    // the written cells lie inside the dimension
    const right = Math.max(...plan.appendedColumns.map((c) => c.column));
    const dim = /<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"/.exec(after);
    expect(dim?.[1]).toBe(a1(1, right).replace(/\d+/, ''));
    expect(Number(dim?.[2])).toBeGreaterThanOrEqual(Math.max(...plan.values.map((v) => v.row)));
  });

  test('every XML part of the copy is well-formed', () => {
    for (const e of readZip(copy)) {
      if (!/\.(xml|rels|vml)$/.test(e.name)) continue;
      expect([e.name, wellFormedError(text(entryData(e)))]).toEqual([e.name, null]);
    }
  });

  test('ExcelJS opens the copy and shows the values, formats, fills, notes and a person\'s own notes unchanged', async () => {
    const ws = (await excel(copy)).getWorksheet(sheetName) as ExcelJS.Worksheet;
    for (const v of plan.values) {
      const cell = ws.getCell(v.row, v.column);
      expect([cell.address, cell.value]).toEqual([cell.address, v.value]);
      if (v.numberFormat) expect(cell.numFmt).toBe(v.numberFormat);
      if (v.role === 'header') {
        expect(cell.font?.bold).toBe(true);
        expect(cell.alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
      }
    }
    for (const f of plan.flags) {
      const cell = ws.getCell(f.row, f.column);
      const fill = cell.fill as ExcelJS.FillPattern;
      expect([f.cell, fill.pattern, fill.fgColor?.argb]).toEqual([f.cell, 'solid', `FF${FLAG_FILLS[f.severity].slice(1)}`]);
      if (f.cell === personCell) expect(noteText(cell)).toBe(`${PERSON}:\n確認中です`);
      else expect([f.cell, noteText(cell)]).toEqual([f.cell, f.note]);
    }
    expect(noteText(ws.getCell('A3'))).toBe(`${PERSON}:\n表題のメモ`);
    for (const c of plan.appendedColumns) expect(ws.getColumn(c.column).width).toBe(c.role === 'result' ? 60 : 14);
  });

  test('the person\'s comments keep their author; ours are added under 進行管理票チェッカー', () => {
    const comments = part(copy, 'xl/comments1.xml');
    expect(comments).toContain(`<author>${PERSON}</author><author>${NOTE_AUTHOR}</author>`);
    expect(elements(comments, /<comment /g)).toHaveLength(2 + plan.flags.length - 1);
    const shapes = elements(part(copy, 'xl/drawings/vmlDrawing1.vml'), /<v:shape [^>]*>/g);
    expect(shapes).toHaveLength(2 + plan.flags.length - 1);
    const ids = shapes.map((s) => /id="([^"]+)"/.exec(s)?.[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('readWorkbook reads the copy: the computed values are in the grid', async () => {
    const sheets = await readWorkbook(copy);
    const grid = sheets.find((s) => s.name === sheetName)?.grid;
    expect(grid).toBeDefined();
    for (const v of plan.values) expect([a1(v.row, v.column), grid?.values[v.row - 1]?.[v.column - 1] ?? '']).toEqual([a1(v.row, v.column), v.value ?? '']);
  });

  test('a copy of the copy: the same flags, no doubled notes, no new formats', async () => {
    const plans = await plansOf(copy);
    const again = patchWorkbook(copy, plans);
    const flagged = (p: WritePlan) => p.flags.map((f) => `${f.cell} ${f.severity}`).sort();
    expect(flagged(plans[0].plan)).toEqual(flagged(plan));
    expect(part(again, 'xl/comments1.xml')).toBe(part(copy, 'xl/comments1.xml'));
    expect(part(again, 'xl/drawings/vmlDrawing1.vml')).toBe(part(copy, 'xl/drawings/vmlDrawing1.vml'));
    expect(part(again, 'xl/styles.xml')).toBe(part(copy, 'xl/styles.xml'));
    const ws = (await excel(again)).getWorksheet(sheetName) as ExcelJS.Worksheet;
    for (const f of plan.flags) if (f.cell !== personCell) expect(noteText(ws.getCell(f.row, f.column))).toBe(f.note);
  });

  test('a note of ours whose cell is no longer flagged goes, with its shape; a person\'s note stays', () => {
    const fewer = { ...plan, flags: [plan.flags.find((f) => f.cell === personCell) as CellFlag, plan.flags.find((f) => f.cell !== personCell) as CellFlag] };
    const again = patchWorkbook(copy, [{ name: sheetName, plan: fewer }]);
    const comments = part(again, 'xl/comments1.xml');
    expect(elements(comments, /<comment /g)).toHaveLength(3);
    expect(comments).toContain('確認中です');
    expect(elements(part(again, 'xl/drawings/vmlDrawing1.vml'), /<v:shape /g)).toHaveLength(3);
  });

  test('a plan that writes into an array formula\'s cell is refused with a reason in both languages', () => {
    const bad: WritePlan = { ...plan, values: [...plan.values, { row: 200, column: 6, value: 1, role: 'rate' }] };
    expect(() => patchWorkbook(original, [{ name: sheetName, plan: bad }])).toThrow(CannotAnnotateError);
    try {
      patchWorkbook(original, [{ name: sheetName, plan: bad }]);
    } catch (err) {
      expect((err as CannotAnnotateError).reason).toMatch(/F200.*配列数式.* \/ F200 holds an array/);
      expect((err as CannotAnnotateError).describe('en')).toContain('F200');
    }
  });
});

describe('a workbook without notes of its own', () => {
  let plan: WritePlan;
  let sheetName: string;
  let copy: Uint8Array;

  beforeAll(async () => {
    ({ plan, name: sheetName } = (await plansOf(SEED_002))[0]);
    copy = patchWorkbook(SEED_002, [{ name: sheetName, plan }]);
  });

  test('comments, VML drawing, the sheet\'s relationships and content types are added', () => {
    const sheetPath = sheetPathOf(copy, sheetName) ?? '';
    expect(part(copy, sheetPath)).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(part(copy, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../comments1.xml"');
    expect(part(copy, '[Content_Types].xml')).toContain('<Override PartName="/xl/comments1.xml"');
    expect(part(copy, '[Content_Types].xml')).toMatch(/Extension="vml"/);
    const before = readZip(SEED_002);
    const after = readZip(copy);
    expect(after.slice(before.length).map((e) => e.name)).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet1.xml.rels']);
    for (const e of after) if (/\.(xml|rels|vml)$/.test(e.name)) expect([e.name, wellFormedError(text(entryData(e)))]).toEqual([e.name, null]);
  });

  test('ExcelJS reads the notes and fills; rate cells are 0.0%', async () => {
    const ws = (await excel(copy)).getWorksheet(sheetName) as ExcelJS.Worksheet;
    for (const f of plan.flags) {
      expect(noteText(ws.getCell(f.row, f.column))).toBe(f.note);
      expect((ws.getCell(f.row, f.column).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${FLAG_FILLS[f.severity].slice(1)}`);
    }
    for (const v of plan.values.filter((w) => w.role === 'rate' && w.value !== null)) expect(ws.getCell(v.row, v.column).numFmt).toBe('0.0%');
  });

  test('the command line\'s copy is the same: its parts, made in a worker, cross to the main thread and become the same zip there', async () => {
    const sheets = await readWorkbook(SEED_002);
    const checks = sheets.map((s) => ({ name: s.name, check: checkSheet(s.grid, { asOf: AS_OF, sheetName: s.name }) }));
    const parts = annotatedParts(SEED_002, checks);
    const sheetPath = sheetPathOf(copy, sheetName);
    // the sheet, styles and the notes' parts, as UTF-8 bytes; nothing else of the package
    expect(parts.parts.filter((p) => !p.added).map((p) => p.name)).toEqual(expect.arrayContaining([sheetPath, 'xl/styles.xml']));
    expect(parts.parts.filter((p) => p.added).map((p) => p.name).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^xl\/comments/), expect.stringMatching(/\.vml$/)]));
    expect(equalBytes(editedPackageBytes(structuredClone(parts)), copy)).toBe(true);
  });

  test('a rewritten part that is not well-formed is no copy: one reason, in the reader\'s language', async () => {
    const sheets = await readWorkbook(SEED_002);
    const checks = sheets.map((s) => ({ name: s.name, check: checkSheet(s.grid, { asOf: AS_OF, sheetName: s.name }) }));
    const parts = annotatedParts(SEED_002, checks);
    const sheetPath = sheetPathOf(copy, sheetName);
    const sheet = parts.parts.find((p) => p.name === sheetPath);
    if (!sheet) throw new Error('no sheet part');
    sheet.data = sheet.data.subarray(0, sheet.data.length - 5);
    expect(() => editedPackageBytes(parts)).toThrow(CannotAnnotateError);
    try {
      editedPackageBytes(parts);
    } catch (err) {
      expect(copyProblemOf(err, 'ja')).toBe(`${sheetPath} を正しく書き換えられません`);
      expect(copyProblemOf(err, 'en')).toMatch(new RegExp(`^rewriting ${sheetPath} failed: `));
    }
  });

  test('an empty plan gives the original bytes back', () => {
    const empty: WritePlan = { values: [], flags: [], appendedColumns: [], headerRows: [] };
    expect(equalBytes(patchWorkbook(SEED_002, [{ name: sheetName, plan: empty }]), SEED_002)).toBe(true);
  });
});

describe('the well-formedness check', () => {
  test.each([
    ['<a><b></a></b>', /closes/],
    ['<a x="1" x="2"/>', /duplicate/],
    ['<a>&nbsp;</a>', /entity/],
    ['<a><b/>', /never closed/],
    ['<a/><b/>', /more than one root/],
    ['<a x=1/>', /attribute/],
  ])('%s is refused', (xml, problem) => {
    expect(wellFormedError(xml)).toMatch(problem);
  });

  test('a ">" inside an attribute value is fine', () => {
    expect(wellFormedError('<?xml version="1.0"?>\n<a f="x>1"><![CDATA[<]]><!-- c --></a>')).toBeNull();
  });
});

describe('two tables on one sheet (羽村市 施策評価シート): the copy carries out the plan for both', () => {
  test('the second table’s issues are flagged and noted at their cells; the first table’s cells keep theirs', async () => {
    const hamura = new Uint8Array(fs.readFileSync(fixture('cities', 'hamura.xlsx')));
    const sheets = await readWorkbook(hamura);
    const checks = sheets.map((s) => ({ name: s.name, check: checkSheet(s.grid, { asOf: '2017-08-01', sheetName: s.name }) }));
    const check = checks[0].check;
    expect(check.otherTables?.map((t) => t.headerRows)).toEqual([[13, 14]]);
    const ws = (await excel(editedPackageBytes(annotatedParts(hamura, checks)))).worksheets[0];
    // H8 (「算定中」 as an indicator's actual) is the first table's; E16 (a blank 進捗状況 of 平成28年度) and
    // A21 (a repeated No) are the 事務事業 table's
    for (const address of ['H8', 'E16', 'A21']) {
      const issue = check.issues.find((i) => i.cell === address);
      expect(issue).toBeDefined();
      expect(noteText(ws.getCell(address))).toContain(issue?.message.slice(0, 12));
      expect((ws.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(`FF${FLAG_FILLS.error.slice(1)}`);
    }
  });
});
