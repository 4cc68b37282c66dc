/**
 * grade-mismatch: a self-evaluation differs from the grade its scale gives the computed rate.
 * Compared only where rates map the scale: letters through the grade scale (default S ≥ 120%,
 * A ≥ 100%, B ≥ 80%, C ≥ 50%, D below, or the configured one), a legend with percentages, or a
 * configured list with `min`. Otherwise (symbols, words, a–d, a legend without rates) never.
 */
import type { CellValue } from '../../../src/engine';
import { HEADERS, ruleTester, type InvalidCase, type RuleCase } from './ruleTester';

/** One KPI item whose figures give 106% (baseline 0, target 100, actual 106), with a self-evaluation. */
const kpi = (name: string, evaluation: CellValue, extra: Partial<RuleCase> = {}): RuleCase => ({
  name,
  template: 'kpi-baseline-target',
  header: HEADERS.kpi,
  rows: [[1, '窓口のデジタル化', '電子申請件数', 0, 100, 106, '総務課', '', evaluation]],
  ...extra,
});
const mismatch = (name: string, evaluation: CellValue, extra: Partial<RuleCase> = {}): InvalidCase => ({
  ...kpi(name, evaluation, extra),
  errors: [{ cell: `I${2 + (extra.above?.length ?? 0)}`, code: 'grade-mismatch', messageId: 'grade-mismatch', field: 'evaluation' }],
});

ruleTester('grade-mismatch', {
  valid: [
    kpi('A agrees with 106% on the default scale', 'A'),
    kpi('full-width Ａ agrees too', 'Ａ'),
    kpi('symbols are not mapped to rates: no comparison', '×'),
    kpi('words are not mapped to rates: no comparison', '未着手', { config: { evaluationScale: ['完了', '取組中', '未着手'] } }),
    kpi('lower-case a–d is the sheet’s own scale: no comparison', 'd'),
    kpi('a legend of letters without rates: no comparison', 'C', { below: [['評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ']] }),
    kpi('not evaluated (対象外): no comparison', '対象外'),
    kpi('no rate (no actual yet): no comparison', 'D', {
      rows: [[1, '窓口のデジタル化', '電子申請件数', 0, 100, '', '総務課', '', 'D']],
    }),
    kpi('a configured grade scale: A ≥ 100% holds for 106%', 'A', { config: { gradeScale: [{ grade: 'A', min: 1 }, { grade: 'B', min: null }] } }),
    kpi('a legend with rates on symbols: ◎ ≥ 100%', '◎', { below: [['◎：100%以上　○：80%以上　△：50%以上　×：50%未満']] }),
  ],
  invalid: [
    mismatch('B differs from A (106%) on the default scale', 'B'),
    mismatch('S differs from A: 106% is below 120%', 'S'),
    mismatch('a legend with rates on symbols: ○ differs from ◎ at 106%', '○', { below: [['◎：100%以上　○：80%以上　△：50%以上　×：50%未満']] }),
    mismatch('a legend with rates on letters A–C defines the grades: C differs from A', 'C', {
      below: [['評価　A：100%以上　B：80%以上　C：80%未満']],
    }),
    mismatch('a legend of letters without rates under a configured grade scale: C differs from A', 'C', {
      below: [['評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ']],
      config: { gradeScale: [{ grade: 'S', min: 1.2 }, { grade: 'A', min: 1 }, { grade: 'B', min: 0.8 }, { grade: 'C', min: null }] },
    }),
    mismatch('a configured word scale with rates: 未達成 differs from 達成 at 106%', '未達成', {
      config: { evaluationScale: [{ value: '達成', min: 1 }, { value: '一部達成', min: 0.5 }, { value: '未達成', min: null }] },
    }),
  ],
});
