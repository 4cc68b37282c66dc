/**
 * A progress line on a terminal while a folder is checked: files done of all, and the file being
 * read. Drawn on standard error and only when it is a terminal; report lines are printed above
 * it (the line is cleared, the report line printed, the bar drawn again).
 *
 * With copies (--out) a file takes two steps: its check, then its copy, which the workers make
 * after every check (pool.ts). The bar fills by steps, so it moves while the files are checked;
 * the count is of files done, copy and all.
 */
export class ProgressBar {
  private done = 0;
  private checkedFiles = 0;
  private current = '';
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly write: (raw: string) => void,
    private readonly total: number,
    private readonly locale: 'ja' | 'en',
    private readonly columns = 80,
    /** 2 when each file's copy is made after its check. */
    private readonly steps: 1 | 2 = 1,
  ) {}

  /** A file is being read. */
  started(file: string): void {
    this.current = file;
    this.draw(false);
  }

  /** A file's check is done; its copy is still to be made (steps 2). */
  checked(): void {
    this.checkedFiles++;
    this.draw(false);
  }

  /** A file is done. */
  finished(): void {
    this.done++;
    this.draw(this.done === this.total);
  }

  /** Print a report line above the bar. */
  above(print: () => void): void {
    this.clear();
    print();
    this.draw(true);
  }

  clear(): void {
    if (!this.shown) return;
    this.write('\r\u001b[K');
    this.shown = false;
  }

  private draw(force: boolean): void {
    const now = Date.now();
    // redrawing on every file of a fast batch would cost more than the checks
    if (!force && now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const width = 20;
    const share = this.steps === 2 ? (this.checkedFiles + this.done) / (2 * this.total) : this.done / this.total;
    const filled = this.total === 0 ? width : Math.min(width, Math.round(share * width));
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`;
    const label =
      this.done === this.total
        ? this.locale === 'ja'
          ? '完了'
          : 'done'
        : this.steps === 2 && this.checkedFiles === this.total
          ? this.locale === 'ja'
            ? '写しを保存しています'
            : 'writing the copies'
          : this.current;
    const room = Math.max(0, this.columns - displayWidth(bar) - 3);
    this.write(`\r\u001b[K${bar}  ${fit(label, room)}`);
    this.shown = true;
  }
}

/** Terminal cells a text takes: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** The end of a path that fits the room left on the line ("…/課/進捗.xlsx"). */
function fit(text: string, room: number): string {
  if (displayWidth(text) <= room) return text;
  const chars = [...text];
  let out = '';
  for (let i = chars.length - 1; i >= 0; i--) {
    const next = chars[i] + out;
    if (displayWidth(next) + 1 > room) break;
    out = next;
  }
  return `…${out}`;
}
