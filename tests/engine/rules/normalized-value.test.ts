/** normalized-value: a value read through a variant spelling (〇 for ○, full-width digits) is info, not an error. */
import type { CellValue } from '../../../src/engine';
import { HEADERS, ruleTester, type RuleCase } from './ruleTester';

const plan = (name: string, evaluations: CellValue[]): RuleCase => ({
  name,
  template: 'plan-result-evaluation',
  header: HEADERS.plan,
  rows: evaluations.map((ev, i) => ['行政運営', '業務の見直し', `取組${i + 1}`, '総務課', '実施', '実施', ev]),
});
const kpi = (name: string, baseline: CellValue, target: CellValue, actual: CellValue): RuleCase => ({
  name,
  template: 'kpi-baseline-target',
  header: HEADERS.kpi,
  rows: [[1, '窓口のデジタル化', '電子申請件数', baseline, target, actual, '総務課', '', '']],
});

ruleTester('normalized-value', {
  valid: [
    plan('canonical symbols', ['◎', '○', '△', '×']),
    plan('canonical letters', ['A', 'B', 'C']),
    plan('lower-case letters on an a–d scale are its own spelling', ['a', 'b', 'c', 'd']),
    kpi('half-width digits', 100, '1,234', '16.5万㎡'),
    plan('an invalid value is invalid-evaluation’s, not also a spelling note', ['○', '△', '良']),
  ],
  invalid: [
    {
      ...plan('〇 (U+3007) and ◯ (U+25EF) read as ○, ✕ as ×', ['〇', '◯', '✕', '○']),
      errors: [
        { cell: 'G2', code: 'normalized-value', messageId: 'normalized-value.symbol', field: 'evaluation' },
        { cell: 'G3', code: 'normalized-value', messageId: 'normalized-value.symbol' },
        { cell: 'G4', code: 'normalized-value', messageId: 'normalized-value.symbol' },
      ],
    },
    {
      ...plan('full-width Ａ and lower-case b on an S–D scale', ['Ａ', 'b', 'A', 'B']),
      errors: [
        { cell: 'G2', code: 'normalized-value', messageId: 'normalized-value.letter' },
        { cell: 'G3', code: 'normalized-value', messageId: 'normalized-value.letter' },
      ],
    },
    {
      ...kpi('full-width digits in baseline, target and actual', '１００', '２００', '１５０'),
      errors: [
        { cell: 'D2', code: 'normalized-value', messageId: 'normalized-value.digits', field: 'kpi.baseline' },
        { cell: 'E2', code: 'normalized-value', messageId: 'normalized-value.digits', field: 'kpi.target' },
        { cell: 'F2', code: 'normalized-value', messageId: 'normalized-value.digits', field: 'kpi.actual.fy2024' },
      ],
    },
  ],
});
