import { OWNED_HEADERS } from './plan/writePlan';
import { formatFiscalYear } from './read/years';
import { EVALUATION_SYMBOLS } from './read/evaluation';
import type { CellValue, Locale } from './types';

/** A new sheet in the product's standard template: values, column widths, dropdown lists. */
export interface TemplateSheet {
  name: string;
  values: CellValue[][];
  /** 1-based sheet row of the header. */
  headerRow: number;
  columnWidths: number[];
  /** Dropdowns (list validation) by 1-based column, applied to the data rows. */
  lists: { column: number; values: string[] }[];
  /** Number formats by 1-based column for the data rows. */
  numberFormats: { column: number; format: string }[];
  dataRows: number;
}

const LABELS: Record<Locale, string[]> = {
  ja: ['No.', '区分', '取組項目', '具体的な取組', '担当課', '指標', '単位', '基準値', '目標値', '第1四半期（4～6月）', '第2四半期（7～9月）', '第3四半期（10～12月）', '第4四半期（1～3月）', '実績値', '自己評価'],
  // the standard profile reads these labels, so the English sheet keeps the Japanese headers
  en: ['No.', '区分', '取組項目', '具体的な取組', '担当課', '指標', '単位', '基準値', '目標値', '第1四半期（4～6月）', '第2四半期（7～9月）', '第3四半期（10～12月）', '第4四半期（1～3月）', '実績値', '自己評価'],
};
const WIDTHS = [6, 12, 28, 36, 16, 20, 8, 12, 12, 24, 24, 24, 24, 12, 10, 14, 14];

/**
 * The standard template the task pane inserts for a new sheet: one row per item, the fields of
 * design.md §3, the product's computed columns at the right, a dropdown for the self-evaluation.
 * Its header is what the `standard` profile detects.
 */
export function standardTemplateSheet(fiscalYear: number, locale: Locale = 'ja', dataRows = 30): TemplateSheet {
  const labels = [...LABELS[locale], OWNED_HEADERS.rate.ja, OWNED_HEADERS.grade.ja];
  const title =
    locale === 'ja'
      ? `${formatFiscalYear(fiscalYear, 'ja')} 行財政改革 進行管理票`
      : `${formatFiscalYear(fiscalYear, 'en')} administrative reform progress sheet (${formatFiscalYear(fiscalYear, 'ja')})`;
  const note =
    locale === 'ja'
      ? '※ 達成率（自動計算）・算定評価（自動計算）は進行管理票チェッカーが記入します。自己評価は一覧から選んでください。'
      : '※ The computed columns are filled in by the checker. Choose the self-evaluation from the list.';
  const values: CellValue[][] = [[title], [note], labels];
  for (let i = 1; i <= dataRows; i++) values.push([i]);
  return {
    name: locale === 'ja' ? '進行管理票' : 'Progress sheet',
    values,
    headerRow: 3,
    columnWidths: WIDTHS,
    lists: [{ column: 15, values: [...EVALUATION_SYMBOLS] }],
    numberFormats: [{ column: 16, format: '0.0%' }],
    dataRows,
  };
}
