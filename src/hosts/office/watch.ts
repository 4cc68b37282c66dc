/**
 * Keeps a check current: after a check, a change a person makes on the checked sheet
 * (Worksheet.onChanged, ExcelApi 1.7) re-checks it, debounced, through the same pipeline as the
 * ［チェック］ button. Changes that only touch cells our check wrote (computed values, the result
 * column, values given back) are our own and are ignored, so our writes never start a loop.
 */
import { supportsExcelApi } from './requirements';

export const WATCH_DEBOUNCE_MS = 600;
/**
 * How long after a check its own writes may still arrive as events. A change of one of our cells
 * later than this is the person's (typing over a computed value), and re-checks.
 */
export const OWN_WRITE_WINDOW_MS = 2000;

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

function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
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
      return true;
    } catch {
      return false;
    }
  }

  private onChanged(event: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const cells = cellsOf(event.address);
    const recent = this.busy !== null || Date.now() - this.lastWrite < (this.options.ownWriteWindowMs ?? OWN_WRITE_WINDOW_MS);
    if (recent && cells && cells.length > 0 && cells.every((c) => this.own.has(c))) {
      this.ignored++;
      return Promise.resolve();
    }
    if (this.busy) {
      this.again = true;
      return Promise.resolve();
    }
    this.schedule();
    return Promise.resolve();
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
