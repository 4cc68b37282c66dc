/**
 * The decisions of applying a write plan, on plain data: given what the previous run recorded,
 * what the sheet holds now and what the plan wants, which cells to write and what to record next.
 * No Office.js here; applyPlan.ts reads the cells this asks for, calls reconcile, and writes.
 *
 * - computed values and the headers of appended columns are written (headers bold on a light
 *   fill, so they read as computed); the original value, formula and number format of every
 *   written cell are recorded first;
 * - flagged cells get FLAG_FILLS[severity] and, where notes exist, a note with the reasons (a
 *   person's own note is left alone: the reasons are in the result column as well);
 * - what the previous run did and this one does not is undone, so that applying twice gives the
 *   sheet applying once gives, and an empty plan clears everything. Only what is still as we left
 *   it is put back: a person may have re-coloured a cell or rewritten a note since.
 */
import { type AppendedColumn, type CellFlag, type CellValue, FLAG_FILLS, type Severity, type WritePlan } from '../../engine/types';
import { cellAddress, parseCell } from './a1';
import type { Cell } from './cellRuns';
import { sameFill, solid } from './fills';
import {
  type FlagRecord,
  type HeaderStyleRecord,
  type RecordedFill,
  type SheetState,
  type WidthRecord,
  type WrittenCell,
  hashText,
} from './stateStore';

/** Fill of the headers of the columns the product appends: light grey, reads as "computed". */
export const HEADER_FILL = '#EDEDED';
/** Width (points) the appended columns get at least. */
export const APPENDED_COLUMN_WIDTHS: Record<AppendedColumn['role'], number> = { rate: 90, grade: 90, result: 320 };
/** Excel's limit on the characters of one cell (and of a note). */
const MAX_CELL_CHARS = 32_767;
/** Stands for "a note is there" where its content was not read. */
export const NOTE_EXISTS = '\u0000exists';

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export interface WantedValue extends Cell {
  value: CellValue;
  numberFormat?: string;
  header: boolean;
}

export interface WantedFlag extends Cell {
  address: string;
  fill: string;
  note: string;
}

export interface Original {
  value: CellValue;
  formula: CellValue;
  numberFormat: string;
}

/** What a plan wants on the sheet, by address (values, flags) and column (widths). */
export interface Wanted {
  values: Map<string, WantedValue>;
  flags: Map<string, WantedFlag>;
  widths: Map<number, number>;
}

/** What must be read from the sheet before deciding. */
export interface ReadRequest {
  /** Fills of every cell flagged now or before. */
  fillCells: Cell[];
  /** Notes: needContent where an earlier note of ours may be there (else whether one exists is enough). */
  noteCells: { address: string; needContent: boolean }[];
  /** Fill and boldness of header cells about to be styled for the first time. */
  headerCells: Cell[];
  /** Value, formula and format of cells about to be written for the first time. */
  unrecordedCells: Cell[];
  /** Widths of columns about to be widened for the first time. */
  widthColumns: number[];
}

/** What the sheet holds now, for the cells the read request named. */
export interface CurrentCells {
  fills: Map<string, RecordedFill | null>;
  /** Content, NOTE_EXISTS, or null for no note. Empty where notes are not supported. */
  notes: Map<string, string | null>;
  headerStyles: Map<string, { fill: RecordedFill | null; bold: boolean }>;
  originals: Map<string, Original>;
  widths: Map<number, number>;
}

export type FillChange = Cell & { fill: RecordedFill | null };
export type BoldChange = Cell & { bold: boolean };

export interface SheetWrites {
  noteDeletes: string[];
  noteAdds: { address: string; text: string }[];
  noteUpdates: { address: string; text: string }[];
  /** Put back first, so that a cell both restored and newly set ends as newly set. */
  fillRestores: FillChange[];
  fillSets: FillChange[];
  boldRestores: BoldChange[];
  boldSets: BoldChange[];
  valueRestores: (Cell & { formula: CellValue; numberFormat: string })[];
  valueSets: (Cell & { value: CellValue; numberFormat: string })[];
  widthSets: { column: number; width: number }[];
}

export interface Reconciled {
  writes: SheetWrites;
  next: SheetState;
  counts: { flagged: number; notes: number; written: number; unflagged: number; restored: number };
}

/** A text cut to what one cell holds (a row with hundreds of findings). */
function fitCell<T extends CellValue>(value: T): T {
  return (typeof value === 'string' && value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value) as T;
}

function wantedValues(plan: WritePlan): Map<string, WantedValue> {
  const out = new Map<string, WantedValue>();
  for (const w of plan.values) {
    out.set(cellAddress(w.row, w.column), { row: w.row, column: w.column, value: fitCell(w.value), numberFormat: w.numberFormat, header: w.role === 'header' });
  }
  // The engine writes each appended column's header (role 'header') in its header blocks; where a
  // plan does not, the header goes into every header row.
  for (const column of plan.appendedColumns) {
    if (plan.values.some((w) => w.role === 'header' && w.column === column.column)) continue;
    for (const row of plan.headerRows) {
      const address = cellAddress(row, column.column);
      const existing = out.get(address);
      if (existing) existing.header = true;
      else out.set(address, { row, column: column.column, value: column.header, header: true });
    }
  }
  return out;
}

function wantedFlags(flags: CellFlag[]): Map<string, WantedFlag> {
  const out = new Map<string, WantedFlag>();
  const severity = new Map<string, Severity>();
  for (const flag of flags) {
    const address = cellAddress(flag.row, flag.column);
    const existing = out.get(address);
    if (!existing) {
      out.set(address, { row: flag.row, column: flag.column, address, fill: FLAG_FILLS[flag.severity], note: fitCell(flag.note) });
      severity.set(address, flag.severity);
      continue;
    }
    // Two flags on one cell: the more severe colour, both reasons.
    if (SEVERITY_ORDER.indexOf(flag.severity) < SEVERITY_ORDER.indexOf(severity.get(address)!)) {
      existing.fill = FLAG_FILLS[flag.severity];
      severity.set(address, flag.severity);
    }
    if (flag.note && !existing.note.split('\n').includes(flag.note)) {
      existing.note = fitCell(existing.note ? `${existing.note}\n${flag.note}` : flag.note);
    }
  }
  return out;
}

export function wantedBy(plan: WritePlan): Wanted {
  const widths = new Map<number, number>();
  for (const column of plan.appendedColumns) widths.set(column.column, APPENDED_COLUMN_WIDTHS[column.role]);
  return { values: wantedValues(plan), flags: wantedFlags(plan.flags), widths };
}

export function whatToRead(previous: SheetState, wanted: Wanted, notesSupported: boolean): ReadRequest {
  const previousFlags = new Map(previous.flags.map((f) => [f.address, f]));
  const written = new Set(previous.writtenCells.map((c) => cellAddress(c.row, c.column)));
  const styled = new Set(previous.headerStyles.map((s) => s.address));
  const widened = new Set(previous.widths.map((w) => w.column));
  const fillCells: Cell[] = [];
  for (const address of new Set([...wanted.flags.keys(), ...previousFlags.keys()])) {
    const cell = parseCell(address);
    if (cell) fillCells.push(cell);
  }
  const noteCells: ReadRequest['noteCells'] = [];
  if (notesSupported) {
    const addresses = new Set<string>(wanted.flags.keys());
    for (const p of previous.flags) if (p.noteHash) addresses.add(p.address);
    for (const address of addresses) noteCells.push({ address, needContent: previousFlags.get(address)?.noteHash !== undefined });
  }
  const values = [...wanted.values.values()];
  return {
    fillCells,
    noteCells,
    headerCells: values.filter((v) => v.header && !styled.has(cellAddress(v.row, v.column))),
    unrecordedCells: values.filter((v) => !written.has(cellAddress(v.row, v.column))),
    widthColumns: [...wanted.widths.keys()].filter((c) => !widened.has(c)),
  };
}

export function reconcile(previous: SheetState, now: CurrentCells, wanted: Wanted, options: { notes: boolean }): Reconciled {
  const writes: SheetWrites = {
    noteDeletes: [],
    noteAdds: [],
    noteUpdates: [],
    fillRestores: [],
    fillSets: [],
    boldRestores: [],
    boldSets: [],
    valueRestores: [],
    valueSets: [],
    widthSets: [],
  };
  const previousFlags = new Map(previous.flags.map((f) => [f.address, f]));
  const previousStyles = new Map(previous.headerStyles.map((s) => [s.address, s]));
  const previousCells = new Map(previous.writtenCells.map((c) => [cellAddress(c.row, c.column), c]));
  const previousWidths = new Map(previous.widths.map((w) => [w.column, w]));
  const fillNow = (address: string) => now.fills.get(address) ?? null;
  const noteNow = (address: string) => now.notes.get(address) ?? null;
  let unflagged = 0;
  let notes = 0;

  // Flags: take away the earlier ones no longer wanted, then set the wanted ones.
  for (const p of previous.flags) {
    if (wanted.flags.has(p.address)) continue;
    unflagged++;
    const cell = parseCell(p.address);
    if (!cell) continue;
    if (sameFill(fillNow(p.address), solid(p.flagFill))) writes.fillRestores.push({ ...cell, fill: p.originalFill });
    if (options.notes && p.noteHash) {
      const content = noteNow(p.address);
      if (content !== null && hashText(content) === p.noteHash) writes.noteDeletes.push(p.address);
    }
  }
  const flags: FlagRecord[] = [];
  for (const flag of wanted.flags.values()) {
    const p = previousFlags.get(flag.address);
    const current = fillNow(flag.address);
    const ours = p !== undefined && sameFill(current, solid(p.flagFill));
    const record: FlagRecord = { address: flag.address, originalFill: ours ? p.originalFill : current, flagFill: flag.fill.toUpperCase() };
    if (!sameFill(current, solid(flag.fill))) {
      // Over a patterned fill, setting the colour alone would keep the pattern.
      const fill: RecordedFill = current?.pattern ? { color: flag.fill.toUpperCase(), pattern: 'Solid' } : solid(flag.fill);
      writes.fillSets.push({ row: flag.row, column: flag.column, fill });
    }
    if (options.notes && flag.note) {
      const content = noteNow(flag.address);
      if (content === null) {
        writes.noteAdds.push({ address: flag.address, text: flag.note });
        record.noteHash = hashText(flag.note);
        notes++;
      } else if (p?.noteHash !== undefined && content !== NOTE_EXISTS && hashText(content) === p.noteHash) {
        if (content !== flag.note) {
          writes.noteUpdates.push({ address: flag.address, text: flag.note });
          notes++;
        }
        record.noteHash = hashText(flag.note);
      }
      // Otherwise the note is a person's: it stays, and the reasons are in the result column.
    }
    flags.push(record);
  }

  // Header styles: put back those no longer wanted, style the wanted ones.
  const headerStyles: HeaderStyleRecord[] = [];
  for (const s of previous.headerStyles) {
    if (wanted.values.get(s.address)?.header) continue;
    const cell = parseCell(s.address);
    if (!cell) continue;
    writes.fillRestores.push({ ...cell, fill: s.originalFill });
    writes.boldRestores.push({ ...cell, bold: s.originalBold });
  }
  for (const v of wanted.values.values()) {
    if (!v.header) continue;
    const address = cellAddress(v.row, v.column);
    const style = now.headerStyles.get(address);
    const original = previousStyles.get(address) ?? { address, originalFill: style?.fill ?? null, originalBold: style?.bold ?? false };
    headerStyles.push(original);
    writes.fillSets.push({ row: v.row, column: v.column, fill: original.originalFill?.pattern ? { color: HEADER_FILL, pattern: 'Solid' } : solid(HEADER_FILL) });
    writes.boldSets.push({ row: v.row, column: v.column, bold: true });
  }

  // Values: put back what is no longer ours, write what is wanted.
  for (const [address, cell] of previousCells) if (!wanted.values.has(address)) writes.valueRestores.push(cell);
  const writtenCells: WrittenCell[] = [];
  for (const v of wanted.values.values()) {
    const address = cellAddress(v.row, v.column);
    const original = previousCells.get(address) ?? { row: v.row, column: v.column, ...(now.originals.get(address) ?? { value: '', formula: '', numberFormat: 'General' }) };
    writtenCells.push({ ...original, row: v.row, column: v.column });
    writes.valueSets.push({ row: v.row, column: v.column, value: v.value ?? '', numberFormat: v.numberFormat ?? original.numberFormat });
  }

  // Widths of appended columns: at least the wanted width, the original recorded.
  const widths: WidthRecord[] = [];
  for (const w of previous.widths) if (!wanted.widths.has(w.column)) writes.widthSets.push({ column: w.column, width: w.originalWidth });
  for (const [column, width] of wanted.widths) {
    const original = previousWidths.get(column)?.originalWidth ?? now.widths.get(column);
    if (original === undefined || original >= width) {
      if (previousWidths.has(column)) writes.widthSets.push({ column, width: original ?? width });
      continue;
    }
    widths.push({ column, originalWidth: original });
    writes.widthSets.push({ column, width });
  }

  return {
    writes,
    next: { sheetId: previous.sheetId, sheetName: previous.sheetName, flags, writtenCells, headerStyles, widths },
    counts: {
      flagged: wanted.flags.size,
      notes,
      written: writes.valueSets.length,
      unflagged,
      restored: writes.fillRestores.length + writes.valueRestores.length,
    },
  };
}
