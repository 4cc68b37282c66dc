/** computed-mismatch: a 達成率 already in the sheet differs from the computed one by more than 0.5 point. */
import type { CellValue } from '../../../src/engine';
import { HEADERS, ruleTester, type InvalidCase, type RuleCase } from './ruleTester';

/** Baseline 0, target 100, actual 106: computed 106.00%. */
const kpi = (name: string, rate: CellValue, baseline: CellValue = 0): RuleCase => ({
  name,
  template: 'kpi-baseline-target',
  header: HEADERS.kpi,
  rows: [[1, '窓口のデジタル化', '電子申請件数', baseline, 100, 106, '総務課', rate, '']],
});
const mismatch = (name: string, rate: CellValue, baseline?: CellValue): InvalidCase => ({
  ...kpi(name, rate, baseline),
  // with a baseline, the message names it: (a − b) / (t − b)
  errors: [{ cell: 'H2', code: 'computed-mismatch', messageId: 'computed-mismatch.progress', field: 'rate' }],
});

ruleTester('computed-mismatch', {
  valid: [
    kpi('106% as written', '106%'),
    kpi('106.4% is within 0.5 point', '106.4%'),
    kpi('105.6% is within 0.5 point', '105.6%'),
    kpi('a number 1.06 (a percent-formatted cell holds the fraction)', 1.06),
    kpi('a number 106 without % is meant as a percentage', 106),
    kpi('an empty rate column is not compared', ''),
    {
      ...kpi('no computed rate (a target of 0 without a baseline cannot divide): not compared', '50%'),
      rows: [[1, '窓口のデジタル化', '電子申請件数', '', 0, 106, '総務課', '50%', '']],
    },
    kpi('a target to maintain (baseline = target): a / t = 106%', '106%', 100),
  ],
  invalid: [
    mismatch('107% is a full point off', '107%'),
    mismatch('106.6% is 0.6 point off', '106.6%'),
    mismatch('105.4% is 0.6 point off', '105.4%'),
    mismatch('the rate of another formula (a / t with a baseline 50: (106-50)/(100-50) = 112%)', '106%', 50),
  ],
});
