// Browser entry that stands in for Office.js: the end-to-end test bundles it with webpack and serves
// it at the Office.js CDN address, after a line that sets `window.__PSC_WORKBOOK__` to a workbook
// (workbookJson.ts form). It installs the Excel double as `window.Excel` / `window.Office`, as
// Excel on Windows would present itself to the task pane, and exposes the double as
// `window.__PSC_DOUBLE__` so that the test can read the workbook back.
//
// Only browser-safe modules: excel.ts and state.ts directly, never office-double/index.ts (which
// re-exports fromXlsx.ts, and with it exceljs and fs).
import { ExcelDouble } from '../office-double/excel';
import { type WorkbookJson, workbookFromJson, workbookToJson } from './workbookJson';

export interface DoubleHandle {
  double: ExcelDouble;
  /** The double's workbook now, as JSON. */
  state(): WorkbookJson;
  /** Excel.run calls and context.sync() calls so far. */
  counts(): { runs: number; syncs: number };
}

declare global {
  interface Window {
    __PSC_WORKBOOK__?: WorkbookJson;
    __PSC_DOUBLE__?: DoubleHandle;
  }
}

const seed = window.__PSC_WORKBOOK__;
if (!seed) throw new Error('doubleInBrowser: window.__PSC_WORKBOOK__ is not set');

const double = new ExcelDouble({ workbook: workbookFromJson(seed), apiVersion: '1.18', displayLanguage: 'ja-JP' });
double.install();

// Excel on Windows: Office.onReady reports the host and platform (and calls back, as Office.js does).
const info = { host: 'Excel', platform: 'PC' };
const office = (window as unknown as { Office: Record<string, unknown> }).Office;
office.onReady = (callback?: (value: typeof info) => void) => {
  callback?.(info);
  return Promise.resolve(info);
};
office.PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' };

window.__PSC_DOUBLE__ = {
  double,
  state: () => workbookToJson(double.workbook),
  counts: () => ({ runs: double.stats.runs, syncs: double.stats.syncs }),
};
