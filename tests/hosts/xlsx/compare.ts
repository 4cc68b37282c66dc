/** Cell-by-cell comparison of two readers' grids: "" and an absent cell are the same. */
import type { CellValue, Grid, MergedArea } from '../../../src/engine';
import type { SheetGrid } from '../../../src/hosts/xlsx/readWorkbook';

function at<T>(rows: (T | null | undefined)[][] | undefined, r: number, c: number): T | '' {
  const v = rows?.[r]?.[c];
  return v === undefined || v === null ? '' : v;
}

function height(rows: unknown[][] | undefined): number {
  return rows?.length ?? 0;
}

function width(rows: unknown[][] | undefined, r: number): number {
  return rows?.[r]?.length ?? 0;
}

function mergeKeys(merges: MergedArea[] | undefined): string[] {
  return (merges ?? []).map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
}

/** Differences as readable lines (empty when the grids agree); at most `limit`. */
export function gridDifferences(expected: Grid, actual: Grid, limit = 10): string[] {
  const out: string[] = [];
  const rows = Math.max(height(expected.values), height(actual.values), height(expected.numberFormats), height(actual.numberFormats));
  for (let r = 0; r < rows && out.length < limit; r++) {
    const cols = Math.max(
      width(expected.values, r),
      width(actual.values, r),
      width(expected.numberFormats, r),
      width(actual.numberFormats, r),
    );
    for (let c = 0; c < cols && out.length < limit; c++) {
      const a: CellValue = at(expected.values, r, c);
      const b: CellValue = at(actual.values, r, c);
      if (!Object.is(a, b)) out.push(`value r${r} c${c}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`);
      const fa = at(expected.numberFormats, r, c);
      const fb = at(actual.numberFormats, r, c);
      if (fa !== fb) out.push(`format r${r} c${c}: expected ${JSON.stringify(fa)}, got ${JSON.stringify(fb)}`);
    }
  }
  const ma = mergeKeys(expected.merges).join(' ');
  const mb = mergeKeys(actual.merges).join(' ');
  if (ma !== mb) out.push(`merges: expected ${ma}, got ${mb}`);
  return out;
}

export function workbookDifferences(expected: SheetGrid[], actual: SheetGrid[]): string[] {
  const names = (s: SheetGrid[]): string => s.map((x) => x.name).join(' | ');
  if (names(expected) !== names(actual)) return [`sheets: expected ${names(expected)}, got ${names(actual)}`];
  return expected.flatMap((sheet, i) => gridDifferences(sheet.grid, actual[i].grid).map((d) => `${sheet.name}: ${d}`));
}
