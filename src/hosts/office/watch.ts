/**
 * Keeps a check current: after a check, a change a person makes on the checked sheet
 * (Worksheet.onChanged, ExcelApi 1.7) re-checks it, debounced, through the same pipeline as the
 * ［チェック］ button. Changes that only touch cells our check wrote (computed values, the result
 * column, values given back) are our own and are ignored, so our writes never start a loop.
 *
 * The watch also keeps where the person changed the sheet (takeChanges), so that the re-check can
 * read only those rows (incremental.ts), and lets fixes written by the pane announce their cells
 * (expectOwnWrites), which are then not taken for a person's edit.
 */
import { type SheetArea, columnLetters, parseArea } from './a1';
import { supportsExcelApi } from './requirements';

/** Where the person changed the sheet since the last re-check; 'full' when it cannot be told. */
export type PendingChanges = SheetArea[] | 'full';

/** Running watches by sheet name (lower case): fixes and re-checks find theirs here. */
const active = new Map<string, SheetWatcher>();

function watcherOf(sheetName: string): SheetWatcher | undefined {
  return active.get(sheetName.toLowerCase());
}

/** The changes a person made on the sheet since the last call, or null when no watch is running. */
export function takeChanges(sheetName: string): PendingChanges | null {
  return watcherOf(sheetName)?.takeChanges() ?? null;
}

/** Cells the add-in is about to write (fixes): their change events are not a person's edit. */
export function expectOwnWrites(sheetName: string, cells: string[]): void {
  watcherOf(sheetName)?.expectOwnWrites(cells);
}

export const WATCH_DEBOUNCE_MS = 600;
/**
 * How long after a check its own writes may still arrive as events. A change of one of our cells
 * later than this is the person's (typing over a computed value), and re-checks.
 */
export const OWN_WRITE_WINDOW_MS = 2000;
/** How long the events of cells the add-in announced it writes (fixes) count as its own. */
export const EXPECTED_WRITE_MS = 5000;

export interface SheetWatcherOptions {
  sheetName: string;
  /** Runs the re-check; returns the cells whose values it wrote (see CheckRunResult.ownValueCells). */
  recheck: () => Promise<{ ownValueCells: string[] }>;
  /** Cells the check that started the watch wrote. */
  ownValueCells: string[];
  debounceMs?: number;
  /** Default OWN_WRITE_WINDOW_MS. */
  ownWriteWindowMs?: number;
  /** A re-check failed (the pane shows it; the watch goes on). */
  onError?: (error: unknown) => void;
}

/** Cells of "E6", "E6:F9" or "Sheet1!E6:F9" (null when too large to list: treat as a person's change). */
export function cellsOf(address: string, limit = 10_000): string[] | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const parts = local.split(':');
  const parse = (a: string) => {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(a);
    if (!m) return null;
    let column = 0;
    for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]), column };
  };
  const a = parse(parts[0]);
  const b = parse(parts[1] ?? parts[0]);
  if (!a || !b) return null;
  const rows = Math.abs(b.row - a.row) + 1;
  const columns = Math.abs(b.column - a.column) + 1;
  if (rows * columns > limit) return null;
  const out: string[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++) out.push(`${columnLetters(c)}${r}`);
  }
  return out;
}


export class SheetWatcher {
  private registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private own: Set<string>;
  private busy: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** When our last check (the one that started the watch, or a re-check) finished writing. */
  private lastWrite = Date.now();
  /** Re-checks run so far, and events ignored as our own. */
  rechecks = 0;
  ignored = 0;
  /** The person's changes not yet re-checked. */
  private changes: PendingChanges = [];
  /** Cells the add-in announced it writes (fixes), until when their events count as ours. */
  private expected = new Map<string, number>();

  constructor(private readonly options: SheetWatcherOptions) {
    this.own = new Set(options.ownValueCells);
  }

  /** Whether this Excel has the events (ExcelApi 1.7). */
  static supported(): boolean {
    return supportsExcelApi('1.7');
  }

  /** Registers the handler; false when events are missing or the sheet is gone (then the pane cannot know). */
  async start(): Promise<boolean> {
    if (!SheetWatcher.supported()) return false;
    try {
      this.registration = await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(this.options.sheetName);
        const registration = sheet.onChanged.add((event) => this.onChanged(event));
        await context.sync();
        return registration;
      });
      active.set(this.options.sheetName.toLowerCase(), this);
      return true;
    } catch {
      return false;
    }
  }

  private onChanged(event: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const cells = cellsOf(event.address);
    const now = Date.now();
    const recent = this.busy !== null || now - this.lastWrite < (this.options.ownWriteWindowMs ?? OWN_WRITE_WINDOW_MS);
    const expected = (c: string) => (this.expected.get(c) ?? 0) >= now;
    // One write sync is reported per column, from its first to its last changed cell: a column
    // whose two ends are cells the add-in announced is its own write (a person's edit comes alone).
    const area = cells && cells.length > 1 ? parseArea(event.address) : null;
    const ends = area !== null && area.left === area.right && expected(cells![0]) && expected(cells![cells!.length - 1]);
    if (cells && cells.length > 0 && (ends || cells.every((c) => (recent && this.own.has(c)) || expected(c)))) {
      this.ignored++;
      return Promise.resolve();
    }
    this.recordChange(cells ? parseArea(event.address) : null);
    if (this.busy) {
      this.again = true;
      return Promise.resolve();
    }
    this.schedule();
    return Promise.resolve();
  }

  private recordChange(area: SheetArea | null): void {
    if (this.changes === 'full') return;
    // many separate edits before one re-check: the whole sheet is read, as before
    if (!area || this.changes.length >= 50) this.changes = 'full';
    else this.changes.push(area);
  }

  /** The person's changes since the last call (and forgets them). */
  takeChanges(): PendingChanges {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  /** Change events of these cells within the own-write window are the add-in's, not the person's. */
  expectOwnWrites(cells: string[]): void {
    const until = Date.now() + EXPECTED_WRITE_MS;
    for (const cell of cells) this.expected.set(cell, until);
    for (const [cell, at] of this.expected) if (at < Date.now()) this.expected.delete(cell);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.options.debounceMs ?? WATCH_DEBOUNCE_MS);
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    const work = (async () => {
      try {
        this.rechecks++;
        const result = await this.options.recheck();
        for (const c of result.ownValueCells) this.own.add(c);
        this.lastWrite = Date.now();
      } catch (error) {
        this.options.onError?.(error);
      }
    })();
    this.busy = work;
    await work;
    this.busy = null;
    if (this.again && !this.stopped) {
      this.again = false;
      this.schedule();
    }
  }

  /** Waits for a pending re-check (tests). */
  async idle(): Promise<void> {
    if (this.busy) await this.busy;
  }

  /** Unregisters the handler (the pane cleared the flags, or moved to another sheet). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (watcherOf(this.options.sheetName) === this) active.delete(this.options.sheetName.toLowerCase());
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const registration = this.registration;
    this.registration = null;
    if (!registration) return;
    try {
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    } catch {
      // The workbook closed or the context is gone: the handler went with it.
    }
  }
}
