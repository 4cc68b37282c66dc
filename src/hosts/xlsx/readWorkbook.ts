import type { Grid } from '../../engine';
import { type ReadLimits, readXlsx, resolveLimits } from './read';
import { UnreadableWorkbookError } from './unreadable';

/** One worksheet as the engine sees it. */
export interface SheetGrid {
  name: string;
  grid: Grid;
}

export { UnreadableWorkbookError } from './unreadable';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './read';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Tell what a file is before handing it to the zip reader, so the reason is a useful one. */
function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableWorkbookError('empty');
  if (startsWith(bytes, OLE_MAGIC)) throw new UnreadableWorkbookError('encrypted-or-xls');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new UnreadableWorkbookError('not-xlsx');
}

/**
 * Read every worksheet of an .xlsx file's bytes (veryHidden sheets and the add-in's state sheet
 * aside), within `limits`. Throws UnreadableWorkbookError with a reason.
 */
export async function readWorkbook(bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<SheetGrid[]> {
  sniff(bytes);
  try {
    return readXlsx(bytes, resolveLimits(limits));
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw err;
    // a reader bug or an input no check foresaw: still one line, not a stack
    throw new UnreadableWorkbookError('corrupt', shortReason(err));
  }
}

function shortReason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0].slice(0, 80);
}
