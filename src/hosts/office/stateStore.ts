/**
 * What the add-in changed, kept in the workbook so that the changes can be undone exactly: a very
 * hidden worksheet `_psc_state` holds JSON in column A (A1: a header with the number of chunks,
 * A2…: the JSON in pieces under 30,000 characters, Excel's cell limit being 32,767).
 *
 * For every checked sheet (by worksheet id) it records each flagged cell's original fill and
 * whether the note on it is ours, the original value, formula and number format of every cell we
 * wrote, the original fill and boldness of the header cells we styled, and the original widths of
 * the columns we widened.
 */
import type { CellValue } from '../../engine/types';
import { type Session, errorCode, jsonBytes } from './session';

export const STATE_SHEET_NAME = '_psc_state';
export const STATE_CHUNK_CHARS = 30_000;
const HEADER_PREFIX = 'psc-state:';
/** Every chunk starts with this, so that Excel never reads a piece of JSON as a number or a formula. */
const CHUNK_PREFIX = 'j';
/** Chunks loaded with the header, on the first look (more take one more sync): ~8,000 flags. */
const FIRST_CHUNKS = 4;

/** A fill as recorded: null = no fill. */
export interface FillRecord {
  /** #RRGGBB */
  c: string;
  /** Pattern when not solid (ExcelApi 1.9). */
  p?: string;
  /** Pattern colour when not solid. */
  pc?: string;
}

export interface FlagRecord {
  /** A1 address. */
  a: string;
  /** Original fill. */
  o: FillRecord | null;
  /** The fill we set (#RRGGBB). */
  s: string;
  /** Hash of the note we wrote, when the note on the cell is ours. */
  n?: string;
}

/** Run-length encoded list: [count, value] pairs. */
export type Rle<T> = Array<[number, T]>;

/** Original contents of a vertical run of cells we wrote. */
export interface CellRun {
  /** 1-based column and first row. */
  c: number;
  r: number;
  /** Values as Office.js read them. */
  v: Rle<CellValue>;
  /** Formulas where any differs from its value (formula cells). */
  x?: Rle<CellValue>;
  /** Number formats. */
  f: Rle<string>;
}

export interface StyleRecord {
  a: string;
  /** Original fill and boldness. */
  o: FillRecord | null;
  b: boolean;
}

export interface WidthRecord {
  /** 1-based column. */
  c: number;
  /** Original width (points). */
  o: number;
}

export interface SheetState {
  sheetId: string;
  sheetName: string;
  flags: FlagRecord[];
  cells: CellRun[];
  styles: StyleRecord[];
  widths: WidthRecord[];
}

export interface StoredState {
  version: 1;
  sheets: SheetState[];
}

/**
 * The record of a worksheet: by id within one session, else by name. Worksheet.id is not promised
 * to survive closing and reopening the file (office-js-docs #297, office-js #1390); the name is.
 */
export function findSheetState(state: StoredState, sheet: { sheetId: string; sheetName: string }): SheetState | undefined {
  const name = sheet.sheetName.toLowerCase();
  return state.sheets.find((s) => s.sheetId === sheet.sheetId) ?? state.sheets.find((s) => s.sheetName.toLowerCase() === name);
}

export function emptyState(): StoredState {
  return { version: 1, sheets: [] };
}

export function rle<T>(items: T[]): Rle<T> {
  const out: Rle<T> = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last[1] === item) last[0]++;
    else out.push([1, item]);
  }
  return out;
}

export function unrle<T>(runs: Rle<T>): T[] {
  const out: T[] = [];
  for (const [count, value] of runs) for (let i = 0; i < count; i++) out.push(value);
  return out;
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

/** Flags as stored: one list per field (addresses; fills and note hashes run-length encoded). */
interface PackedFlags {
  a: string[];
  o: Rle<FillRecord | null>;
  s: Rle<string>;
  n: Rle<string | 0>;
}

type PackedSheet = Omit<SheetState, 'flags'> & { flags: PackedFlags };

function packSheet(sheet: SheetState): PackedSheet {
  const { flags, ...rest } = sheet;
  return {
    ...rest,
    flags: {
      a: flags.map((f) => f.a),
      o: rleBy(flags.map((f) => f.o)),
      s: rle(flags.map((f) => f.s)),
      n: rle(flags.map((f) => f.n ?? 0)),
    },
  };
}

function unpackSheet(packed: PackedSheet): SheetState {
  const { flags, ...rest } = packed;
  const originals = unrle(flags.o);
  const fills = unrle(flags.s);
  const notes = unrle(flags.n);
  return {
    ...rest,
    flags: flags.a.map((a, i) => {
      const record: FlagRecord = { a, o: originals[i] ?? null, s: fills[i] ?? '' };
      const n = notes[i];
      if (typeof n === 'string') record.n = n;
      return record;
    }),
  };
}

/** rle() for objects, compared by their JSON. */
function rleBy<T>(items: T[]): Rle<T> {
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

/** Column A's cells for a state: the header, then the chunks. */
export function encodeState(state: StoredState): string[] {
  const packed = { version: 1, sheets: state.sheets.map(packSheet) };
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

function isPackedSheet(value: unknown): value is PackedSheet {
  if (!value || typeof value !== 'object') return false;
  const s = value as Record<string, unknown>;
  const flags = s.flags as Record<string, unknown> | undefined;
  return (
    typeof s.sheetId === 'string' &&
    typeof s.sheetName === 'string' &&
    !!flags &&
    Array.isArray(flags.a) &&
    Array.isArray(flags.o) &&
    Array.isArray(flags.s) &&
    Array.isArray(flags.n) &&
    Array.isArray(s.cells) &&
    Array.isArray(s.styles) &&
    Array.isArray(s.widths)
  );
}

/** Parses chunk cells back into a state; a damaged state reads as empty (nothing can be restored). */
export function decodeState(chunks: unknown[]): StoredState {
  try {
    const text = chunks.map((c) => (typeof c === 'string' && c.startsWith(CHUNK_PREFIX) ? c.slice(1) : String(c))).join('');
    const parsed = JSON.parse(text) as { version?: unknown; sheets?: unknown };
    if (parsed.version !== 1 || !Array.isArray(parsed.sheets)) return emptyState();
    return { version: 1, sheets: parsed.sheets.filter(isPackedSheet).map(unpackSheet) };
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
  private step: () => void;

  constructor(private readonly session: Session) {
    this.step = this.queueLookup();
  }

  /** Whether the state sheet existed when looked up. */
  get sheetExists(): boolean {
    return this.exists;
  }

  /** Number of chunk cells below the header (what a rewrite must overwrite). */
  get storedChunks(): number {
    return this.chunkCount;
  }

  private queueLookup(): () => void {
    const sheets = this.session.context.workbook.worksheets;
    sheets.load('items/name');
    this.session.expect(200, 2000);
    const next = () => {
      let names: string[];
      try {
        names = sheets.items.map((s) => s.name);
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
      this.step = this.queueChunks(0, FIRST_CHUNKS);
    };
    this.session.afterNextSync(() => this.step());
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
): void {
  const sheets = context.workbook.worksheets;
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
