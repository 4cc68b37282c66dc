/** invalid-number: a baseline, target, actual or existing rate that does not read as a number. */
import type { CellValue } from '../../../src/engine';
import { HEADERS, ruleTester, type InvalidCase, type RuleCase } from './ruleTester';

const K = HEADERS.kpi;
/** One KPI row: No, item, indicator, baseline, target, actual (2024), department, rate, evaluation. */
const kpi = (baseline: CellValue, target: CellValue, actual: CellValue, rate: CellValue = ''): CellValue[][] => [
  [1, '窓口のデジタル化', '電子申請件数', baseline, target, actual, '総務課', rate, ''],
];
const valid = (name: string, baseline: CellValue, target: CellValue, actual: CellValue, rate?: CellValue): RuleCase => ({
  name,
  template: 'kpi-baseline-target',
  header: K,
  rows: kpi(baseline, target, actual, rate),
});
const invalid = (name: string, cells: [string, string][], baseline: CellValue, target: CellValue, actual: CellValue): InvalidCase => ({
  ...valid(name, baseline, target, actual),
  errors: cells.map(([cell, field]) => ({ cell, code: 'invalid-number', messageId: 'invalid-number', field })),
});

ruleTester('invalid-number', {
  valid: [
    valid('plain numbers', 100, 200, 150),
    valid('△500 (negative, public-finance style) and ▲30', '△500', 0, '▲30'),
    valid('thousands separators: 1,234 and full-width １，２３４', '1,234', '１，２３４', 1500),
    valid('units: 16.5万㎡, 20万㎡, 18万㎡', '16.5万㎡', '20万㎡', '18万㎡'),
    valid('percentages: 91.24%, 100%, 95％', '91.24%', '100%', '95％'),
    valid('a compound figure: 39,757時間 (94,603,965円)', '39,757時間 (94,603,965円)', '40,000時間', '39,000時間'),
    valid('units after the number: 1,234件, 500千円, 3億円', '1,234件', '500千円', '3億円'),
    valid('none markers are not numbers but not invalid: －, なし', '－', 200, 'なし'),
    valid('an existing rate 106.36%', 0, 100, 106.36, '106.36%'),
  ],
  invalid: [
    invalid('letters: abc', [['F2', 'kpi.actual.fy2024']], 100, 200, 'abc'),
    invalid('unbalanced brackets: 1(((', [['D2', 'kpi.baseline']], '1(((', 200, 150),
    invalid('a target written in words: 増加', [['E2', 'kpi.target']], 100, '増加', 150),
    {
      ...valid('an existing rate that is text', 0, 100, 106, '概ね達成'),
      errors: [{ cell: 'H2', code: 'invalid-number', field: 'rate' }],
    },
  ],
});
