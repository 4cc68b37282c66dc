/**
 * What the add-in changed, kept in the workbook so that the changes can be undone exactly: a very
 * hidden worksheet `_psc_state` holds JSON in column A (A1: a header with the number of chunks,
 * A2…: the JSON in pieces under 30,000 characters, Excel's cell limit being 32,767).
 *
 * For every checked sheet (by name, with its worksheet id as a hint) it records each flagged
 * cell's original fill and whether the note on it is ours, the original value, formula and number
 * format of every cell we wrote, the original fill and boldness of the header cells we styled, and
 * the original widths of the columns we widened.
 *
 * In memory the records have descriptive names; the stored JSON keeps the compact keys earlier
 * versions wrote (workbooks already carry it), and only encodeState / decodeState know them. A zod
 * schema checks what is read back: a damaged record reads as "nothing to restore".
 */
import { z } from 'zod';
import type { CellValue } from '../../engine/types';
import { type Session, errorCode, jsonBytes } from './session';

export const STATE_SHEET_NAME = '_psc_state';
export const STATE_CHUNK_CHARS = 30_000;
const HEADER_PREFIX = 'psc-state:';
/** Every chunk starts with this, so that Excel never reads a piece of JSON as a number or a formula. */
const CHUNK_PREFIX = 'j';
/** Chunks loaded with the header, on the first look (more take one more sync): ~8,000 flags. */
const FIRST_CHUNKS = 4;

/** A cell's fill; null stands for "no fill". */
export interface RecordedFill {
  /** #RRGGBB */
  color: string;
  /** Pattern when not solid (ExcelApi 1.9). */
  pattern?: string;
  /** Pattern colour when not solid. */
  patternColor?: string;
}

export interface FlagRecord {
  /** A1 address. */
  address: string;
  originalFill: RecordedFill | null;
  /** The fill we set (#RRGGBB). */
  flagFill: string;
  /** Hash of the note we wrote, when the note on the cell is ours. */
  noteHash?: string;
}

/** A cell we wrote, as it was before. */
export interface WrittenCell {
  /** 1-based sheet row and column. */
  row: number;
  column: number;
  value: CellValue;
  /** The formula (the value itself for a plain cell). */
  formula: CellValue;
  numberFormat: string;
}

/** A header cell of an appended column we styled (light fill, bold), as it was before. */
export interface HeaderStyleRecord {
  address: string;
  originalFill: RecordedFill | null;
  originalBold: boolean;
}

export interface WidthRecord {
  /** 1-based column. */
  column: number;
  /** Original width (points). */
  originalWidth: number;
}

export interface SheetState {
  sheetId: string;
  sheetName: string;
  /**
   * A hidden workbook name of ours referring to the sheet's A1: it follows the sheet through
   * renames and reopening, where neither the id nor the name can be trusted alone.
   */
  marker?: string;
  flags: FlagRecord[];
  writtenCells: WrittenCell[];
  headerStyles: HeaderStyleRecord[];
  widths: WidthRecord[];
}

export interface StoredState {
  version: 1;
  sheets: SheetState[];
}

/** Where each marker name points now: the sheet's current name, or null once the sheet is gone. */
export type MarkerSheets = Map<string, string | null>;

/**
 * The record of a worksheet: by id within one session; else by its marker (a name of ours that
 * follows the sheet); else by the sheet's name, unless the record's marker says it moved on.
 * Worksheet.id is not promised to survive closing and reopening the file (office-js-docs #297,
 * office-js #1390).
 */
export function findSheetState(
  state: StoredState,
  sheet: { sheetId: string; sheetName: string },
  markers: MarkerSheets = new Map(),
): SheetState | undefined {
  const name = sheet.sheetName.toLowerCase();
  const markedAt = (s: SheetState) => (s.marker ? markers.get(s.marker.toLowerCase()) : undefined);
  return (
    state.sheets.find((s) => s.sheetId === sheet.sheetId) ??
    state.sheets.find((s) => markedAt(s)?.toLowerCase() === name) ??
    state.sheets.find((s) => s.sheetName.toLowerCase() === name && markedAt(s) === undefined)
  );
}

/** The sheet a name's formula ("='進捗 状況'!$A$1") refers to; null for #REF!. */
export function sheetOfFormula(formula: string): string | null {
  const m = /^=(?:'((?:[^']|'')+)'|([^!']+))!/.exec(formula);
  if (!m) return null;
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return name === '#REF' ? null : name;
}

/** Prefix of our marker names (workbook names of the add-in). */
export const MARKER_PREFIX = '_psc_';

export function emptyState(): StoredState {
  return { version: 1, sheets: [] };
}

export function emptySheetState(sheet: { sheetId: string; sheetName: string }): SheetState {
  return { sheetId: sheet.sheetId, sheetName: sheet.sheetName, flags: [], writtenCells: [], headerStyles: [], widths: [] };
}

export function isEmptySheetState(state: SheetState): boolean {
  return !state.flags.length && !state.writtenCells.length && !state.headerStyles.length && !state.widths.length;
}

/** FNV-1a, to recognise our own notes without storing their text. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Splits JSON into cell-sized pieces, never between the halves of a surrogate pair. */
export function chunkText(text: string, size = STATE_CHUNK_CHARS): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

// ---- The stored form: compact keys, run-length encoded lists ---------------------------------

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** Run-length encoded list: [count, value] pairs. */
const rleOf = <T extends z.ZodTypeAny>(item: T) => z.array(z.tuple([z.number().int().nonnegative(), item]));
const storedFill = z.object({ c: z.string(), p: z.string().optional(), pc: z.string().optional() }).nullable();
const storedSheet = z.object({
  sheetId: z.string(),
  sheetName: z.string(),
  m: z.string().optional(),
  /** One list per field: addresses, original fills, our fills, note hashes (0: not ours). */
  flags: z.object({ a: z.array(z.string()), o: rleOf(storedFill), s: rleOf(z.string()), n: rleOf(z.union([z.string(), z.literal(0)])) }),
  /** Vertical runs of written cells: column, first row, values, formulas where any differs, formats. */
  cells: z.array(
    z.object({ c: z.number().int().positive(), r: z.number().int().positive(), v: rleOf(cellValue), x: rleOf(cellValue).optional(), f: rleOf(z.string()) }),
  ),
  styles: z.array(z.object({ a: z.string(), o: storedFill, b: z.boolean() })),
  widths: z.array(z.object({ c: z.number().int().positive(), o: z.number() })),
});
const storedState = z.object({ version: z.literal(1), sheets: z.array(z.unknown()) });

type StoredSheet = z.infer<typeof storedSheet>;
type StoredFill = z.infer<typeof storedFill>;
type Rle<T> = Array<[number, T]>;

/** Run-length encodes, comparing items by their JSON (fills are objects). */
export function rle<T>(items: T[]): Rle<T> {
  const out: Rle<T> = [];
  let lastKey = '';
  for (const item of items) {
    const key = JSON.stringify(item);
    const last = out[out.length - 1];
    if (last && key === lastKey) last[0]++;
    else out.push([1, item]);
    lastKey = key;
  }
  return out;
}

export function unrle<T>(runs: Rle<T>): T[] {
  const out: T[] = [];
  for (const [count, value] of runs) for (let i = 0; i < count; i++) out.push(value);
  return out;
}

const toStoredFill = (fill: RecordedFill | null): StoredFill =>
  fill === null ? null : { c: fill.color, ...(fill.pattern ? { p: fill.pattern } : {}), ...(fill.patternColor ? { pc: fill.patternColor } : {}) };
const fromStoredFill = (fill: StoredFill | undefined): RecordedFill | null =>
  !fill ? null : { color: fill.c, ...(fill.p ? { pattern: fill.p } : {}), ...(fill.pc ? { patternColor: fill.pc } : {}) };

/** Consecutive cells of one column, as one run each. */
function columnRuns(cells: WrittenCell[]): WrittenCell[][] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: WrittenCell[][] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.column === cell.column && last.row + 1 === cell.row) run.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

function encodeSheet(sheet: SheetState): StoredSheet {
  return {
    sheetId: sheet.sheetId,
    sheetName: sheet.sheetName,
    ...(sheet.marker ? { m: sheet.marker } : {}),
    cells: columnRuns(sheet.writtenCells).map((run) => {
      const values = run.map((c) => c.value);
      const formulas = run.map((c) => c.formula);
      const stored: StoredSheet['cells'][number] = { c: run[0].column, r: run[0].row, v: rle(values), f: rle(run.map((c) => c.numberFormat)) };
      if (formulas.some((f, i) => f !== values[i])) stored.x = rle(formulas);
      return stored;
    }),
    styles: sheet.headerStyles.map((s) => ({ a: s.address, o: toStoredFill(s.originalFill), b: s.originalBold })),
    widths: sheet.widths.map((w) => ({ c: w.column, o: w.originalWidth })),
    flags: {
      a: sheet.flags.map((f) => f.address),
      o: rle(sheet.flags.map((f) => toStoredFill(f.originalFill))),
      s: rle(sheet.flags.map((f) => f.flagFill)),
      n: rle(sheet.flags.map((f) => f.noteHash ?? (0 as const))),
    },
  };
}

function decodeSheet(stored: StoredSheet): SheetState {
  const originals = unrle(stored.flags.o);
  const fills = unrle(stored.flags.s);
  const notes = unrle(stored.flags.n);
  const writtenCells: WrittenCell[] = [];
  for (const run of stored.cells) {
    const values = unrle(run.v);
    const formulas = run.x ? unrle(run.x) : values;
    const formats = unrle(run.f);
    values.forEach((value, i) =>
      writtenCells.push({ row: run.r + i, column: run.c, value, formula: formulas[i] ?? value, numberFormat: formats[i] ?? 'General' }),
    );
  }
  return {
    sheetId: stored.sheetId,
    sheetName: stored.sheetName,
    ...(stored.m ? { marker: stored.m } : {}),
    flags: stored.flags.a.map((address, i) => {
      const record: FlagRecord = { address, originalFill: fromStoredFill(originals[i]), flagFill: fills[i] ?? '' };
      const n = notes[i];
      if (typeof n === 'string') record.noteHash = n;
      return record;
    }),
    writtenCells,
    headerStyles: stored.styles.map((s) => ({ address: s.a, originalFill: fromStoredFill(s.o), originalBold: s.b })),
    widths: stored.widths.map((w) => ({ column: w.c, originalWidth: w.o })),
  };
}

/** Column A's cells for a state: the header, then the chunks. */
export function encodeState(state: StoredState): string[] {
  const packed = { version: 1, sheets: state.sheets.map(encodeSheet) };
  const chunks = chunkText(JSON.stringify(packed));
  return [`${HEADER_PREFIX}${JSON.stringify({ v: 1, n: chunks.length })}`, ...chunks.map((c) => CHUNK_PREFIX + c)];
}

function parseHeader(cell: unknown): number | null {
  if (typeof cell !== 'string' || !cell.startsWith(HEADER_PREFIX)) return null;
  try {
    const header = JSON.parse(cell.slice(HEADER_PREFIX.length)) as { v?: unknown; n?: unknown };
    return header.v === 1 && typeof header.n === 'number' && Number.isInteger(header.n) && header.n >= 0 ? header.n : null;
  } catch {
    return null;
  }
}

/**
 * Parses chunk cells back into a state. A damaged state reads as empty, a damaged sheet record as
 * absent (nothing of it can be restored safely).
 */
export function decodeState(chunks: unknown[]): StoredState {
  try {
    const text = chunks.map((c) => (typeof c === 'string' && c.startsWith(CHUNK_PREFIX) ? c.slice(1) : String(c))).join('');
    const parsed = storedState.safeParse(JSON.parse(text));
    if (!parsed.success) return emptyState();
    const sheets: SheetState[] = [];
    for (const sheet of parsed.data.sheets) {
      const one = storedSheet.safeParse(sheet);
      if (one.success) sheets.push(decodeSheet(one.data));
    }
    return { version: 1, sheets };
  } catch {
    return emptyState();
  }
}

/**
 * Loads the stored state, riding on the session's next syncs: the first sync lists the sheets,
 * the next reads the header and the first chunks, and only a large state needs one more.
 * Create it before other work is queued, then `await ready()` when the state is needed.
 */
export class StateReader {
  private state: StoredState | null = null;
  private exists = false;
  private chunkCount = 0;
  private markerSheets: MarkerSheets = new Map();
  private step: () => void;

  /** expectSheet: the caller knows the state sheet is there (a re-check), so its first chunks ride the lookup's sync. */
  constructor(
    private readonly session: Session,
    options: { expectSheet?: boolean } = {},
  ) {
    this.step = this.queueLookup(options.expectSheet === true);
  }

  /** Whether the state sheet existed when looked up. */
  get sheetExists(): boolean {
    return this.exists;
  }

  /** Where our marker names point now (loaded with the sheet list). */
  get markers(): MarkerSheets {
    return this.markerSheets;
  }

  /** Number of chunk cells below the header (what a rewrite must overwrite). */
  get storedChunks(): number {
    return this.chunkCount;
  }

  private queueLookup(expectSheet = false): () => void {
    const sheets = this.session.context.workbook.worksheets;
    sheets.load('items/name');
    const workbookNames = this.session.context.workbook.names;
    workbookNames.load('items/name, items/formula');
    this.session.expect(300, 4000);
    const next = () => {
      let names: string[];
      try {
        names = sheets.items.map((s) => s.name);
        this.markerSheets = new Map(
          workbookNames.items.filter((n) => n.name.startsWith(MARKER_PREFIX)).map((n) => [n.name.toLowerCase(), sheetOfFormula(String(n.formula))]),
        );
      } catch (error) {
        if (errorCode(error) !== 'PropertyNotLoaded') throw error;
        // The sync carrying our load failed (and was retried by its owner): ask again.
        this.step = this.queueLookup();
        return;
      }
      this.exists = names.includes(STATE_SHEET_NAME);
      if (!this.exists) {
        this.state = emptyState();
        return;
      }
      this.step = early ?? this.queueChunks(0, FIRST_CHUNKS);
    };
    this.session.afterNextSync(() => this.step());
    // Queued after the lookup, so its callback runs once the lookup has made it the next step.
    const early = expectSheet ? this.queueChunks(0, FIRST_CHUNKS) : null;
    return next;
  }

  /** Loads the header (when from = 0) and chunk cells from..from+count-1. */
  private queueChunks(from: number, count: number, collected: unknown[] = []): () => void {
    const sheet = this.session.context.workbook.worksheets.getItem(STATE_SHEET_NAME);
    // Rows: header in row 1, chunk i in row i + 2.
    const firstRow = from === 0 ? 1 : from + 2;
    const lastRow = from + count + 1;
    const range = sheet.getRange(`A${firstRow}:A${lastRow}`);
    range.load('values');
    this.session.expect(250, (lastRow - firstRow + 1) * (STATE_CHUNK_CHARS + 16));
    const next = () => {
      let cells: unknown[];
      try {
        cells = (range.values as unknown[][]).map((row) => row[0]);
      } catch (error) {
        if (errorCode(error) !== 'PropertyNotLoaded') throw error;
        this.step = this.queueChunks(from, count, collected);
        return;
      }
      if (from === 0) {
        const n = parseHeader(cells[0]);
        if (n === null) {
          this.state = emptyState();
          return;
        }
        this.chunkCount = n;
        cells = cells.slice(1);
      }
      const all = [...collected, ...cells].slice(0, this.chunkCount);
      if (all.length >= this.chunkCount) {
        this.state = decodeState(all);
        return;
      }
      this.step = this.queueChunks(all.length, this.chunkCount - all.length, all);
    };
    this.session.afterNextSync(() => this.step());
    return next;
  }

  /** The state, syncing only if the syncs so far have not brought it in yet. */
  async ready(): Promise<StoredState> {
    while (this.state === null) await this.session.sync();
    return this.state;
  }
}

/** Estimated request size of writing a state. */
export function stateWriteBytes(cells: string[]): number {
  return jsonBytes(cells) + 600;
}

/**
 * Queues writing the state (creating the very hidden sheet where needed), or deleting the sheet
 * when no sheet has anything to restore.
 */
export function queueStateWrite(
  context: Excel.RequestContext,
  state: StoredState,
  existed: boolean,
  previousChunks: number,
  /** false where the workbook's structure is protected: the sheet stays, emptied. */
  canDelete = true,
  markers: { add: { name: string; sheetName: string }[]; remove: string[] } = { add: [], remove: [] },
): void {
  const sheets = context.workbook.worksheets;
  for (const name of markers.remove) context.workbook.names.getItem(name).delete();
  for (const marker of markers.add) {
    const item = context.workbook.names.add(marker.name, sheets.getItem(marker.sheetName).getRange('A1'));
    item.visible = false;
  }
  if (state.sheets.length === 0 && (canDelete || !existed)) {
    if (existed) {
      // Excel refuses to delete a very hidden sheet (office-js #365): hide it plainly first.
      const sheet = sheets.getItem(STATE_SHEET_NAME);
      sheet.visibility = 'Hidden';
      sheet.delete();
    }
    return;
  }
  let sheet: Excel.Worksheet;
  if (existed) sheet = sheets.getItem(STATE_SHEET_NAME);
  else {
    sheet = sheets.add(STATE_SHEET_NAME);
    sheet.visibility = 'VeryHidden';
  }
  const cells = encodeState(state);
  const rows = Math.max(cells.length, previousChunks + 1);
  const range = sheet.getRange(`A1:A${rows}`);
  range.numberFormat = Array.from({ length: rows }, () => ['@']);
  range.values = Array.from({ length: rows }, (_, i) => [cells[i] ?? '']);
}
