/**
 * The Office.js host through the in-memory Excel double: how many context.sync() calls a check
 * costs and how large its largest request and response are (Excel on the web refuses either past
 * 5 MB). Standard-template sheets, 20 columns, long Japanese text, an error every seventh row.
 */
import { performance } from 'perf_hooks';
import { checkActiveSheet } from '../src/hosts/office/actions';
import { SheetWatcher } from '../src/hosts/office/watch';
import { ExcelDouble, buildWorkbook } from '../tests/office-double';
import { standardSheet } from '../tests/office/sheets';

const AS_OF = '2025-10-15';

function bytes(n: number): string {
  return `${n.toLocaleString('en-US')} B`;
}

async function measure(rows: number): Promise<string[]> {
  const excel = new ExcelDouble({
    workbook: buildWorkbook([standardSheet({ rows, extraColumns: 5, textLength: 60, missingDepartmentEvery: 7 })]),
  });
  const uninstall = excel.install();
  try {
    const lines: string[] = [];
    for (const label of ['', ', repeat check']) {
      excel.resetStats();
      const start = performance.now();
      const result = await checkActiveSheet({ asOf: AS_OF });
      const ms = performance.now() - start;
      const { largestRequestBytes, largestResponseBytes } = excel.stats;
      lines.push(
        `office host: ${rows.toLocaleString('en-US')} rows${label}: ${result.syncs} syncs, largest request ${bytes(largestRequestBytes)}, ` +
          `largest response ${bytes(largestResponseBytes)}, ${ms.toFixed(0)} ms (${result.check.issues.length.toLocaleString('en-US')} issues)`,
      );
    }
    return lines;
  } finally {
    uninstall();
  }
}

/**
 * Issue 10: one edit on a checked sheet, as the pane's watch handles it (onChanged, then a re-check
 * of the whole sheet): syncs, total time and the engine's share, debounce excluded.
 */
async function measureEdit(rows: number): Promise<string> {
  const excel = new ExcelDouble({
    workbook: buildWorkbook([standardSheet({ rows, extraColumns: 5, textLength: 60, missingDepartmentEvery: 7 })]),
  });
  const uninstall = excel.install();
  try {
    const first = await checkActiveSheet({ asOf: AS_OF });
    let syncs = 0;
    let ms = 0;
    const watcher = new SheetWatcher({
      sheetName: first.sheetName,
      ownValueCells: first.ownValueCells,
      debounceMs: 0,
      recheck: async () => {
        const start = performance.now();
        const result = await checkActiveSheet({ asOf: AS_OF, sheetName: first.sheetName });
        ms = performance.now() - start;
        syncs = result.syncs;
        return result;
      },
    });
    await watcher.start();
    await excel.userEdit(first.sheetName, 'E10', '人事課');
    for (let i = 0; i < 5 && watcher.rechecks === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await watcher.idle();
    await excel.settle();
    await watcher.stop();
    return `office host: ${rows.toLocaleString('en-US')} rows, one edited cell: ${syncs} syncs, ${ms.toFixed(0)} ms per edit (whole sheet re-read and re-checked; debounce of 600 ms not counted)`;
  } finally {
    uninstall();
  }
}

export async function benchOfficeSyncs(): Promise<string[]> {
  return [...(await measure(1_000)), await measureEdit(1_000), ...(await measure(20_000))];
}

if (require.main === module) {
  benchOfficeSyncs()
    .then((lines) => lines.forEach((line) => console.log(line)))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
