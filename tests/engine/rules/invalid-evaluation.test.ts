/**
 * invalid-evaluation: a self-evaluation outside its column's scale. The scale comes from a legend
 * near the table (above, below, in the header cell), else the configuration, else the profile,
 * else what most filled cells hold. 対象外, 評価なし, －, -, ― are never invalid.
 */
import { parseConfig, type CellValue } from '../../../src/engine';
import { HEADERS, ruleTester, type InvalidCase, type RuleCase } from './ruleTester';

/** Plan/result/evaluation rows with the given self-evaluations in column G. */
const planRows = (evaluations: CellValue[]): CellValue[][] =>
  evaluations.map((ev, i) => ['行政運営', '業務の見直し', `取組${i + 1}`, '総務課', '実施', '実施', ev]);
const plan = (name: string, evaluations: CellValue[], extra: Partial<RuleCase> = {}): RuleCase => ({
  name,
  template: 'plan-result-evaluation',
  header: HEADERS.plan,
  rows: planRows(evaluations),
  ...extra,
});
/** Expect invalid-evaluation at G(row) for each listed data index (0-based). */
const planInvalid = (name: string, evaluations: CellValue[], bad: number[], extra: Partial<RuleCase> = {}): InvalidCase => ({
  ...plan(name, evaluations, extra),
  errors: bad.map((i) => ({ cell: `G${i + 2 + (extra.above?.length ?? 0)}`, code: 'invalid-evaluation', messageId: 'invalid-evaluation' })),
});

const NOT_EVALUATED = ['対象外', '評価なし', '－', '-', '―', '−'];

/** A profile with two evaluation columns, 実施状況 and 達成度, each on its own scale. */
const TWO_COLUMNS = {
  profiles: [
    {
      id: 'two-evaluations',
      name: { ja: '二つの評価', en: 'Two evaluations' },
      columns: [
        { field: 'item', labels: ['^取組名$'] },
        { field: 'department', labels: ['^担当課$'] },
        { field: 'evaluation', labels: ['^実施状況', '^達成度'], multiple: true },
      ],
      required: ['item', 'department'],
    },
  ],
};
const twoColumns = (rows: CellValue[][]): RuleCase => ({
  name: '',
  template: 'two-evaluations',
  config: TWO_COLUMNS,
  header: ['取組名', '担当課', '実施状況', '達成度'],
  rows,
  below: [['実施状況：完了／取組中／未着手'], ['達成度　A：100%以上　B：80%以上　C：80%未満']],
});

/** One evaluation column (達成度) beside a text column (実施状況) that has a legend of its own. */
const LEGEND_OF_ANOTHER_COLUMN = {
  template: 'one-evaluation',
  config: {
    profiles: [
      {
        id: 'one-evaluation',
        name: { ja: '評価一つ', en: 'One evaluation' },
        columns: [
          { field: 'item', labels: ['^取組名$'] },
          { field: 'department', labels: ['^担当課$'] },
          { field: 'related', labels: ['^実施状況$'] },
          { field: 'evaluation', labels: ['^達成度$'] },
        ],
        required: ['item', 'department'],
      },
    ],
  },
  header: ['取組名', '担当課', '実施状況', '達成度'],
  below: [['実施状況：完了／取組中／未着手'], ['達成度　A：100%以上　B：80%以上　C：80%未満']],
};

/** A profile whose evaluation header cell holds the legend itself. */
const LEGEND_IN_HEADER = {
  profiles: [
    {
      id: 'legend-header',
      name: { ja: '見出しに凡例', en: 'Legend in the header' },
      columns: [
        { field: 'item', labels: ['^取組名$'] },
        { field: 'department', labels: ['^担当課$'] },
        { field: 'evaluation', labels: ['^評価'] },
      ],
      required: ['item', 'department'],
    },
  ],
};
const legendInHeader = (evaluations: CellValue[]): RuleCase => ({
  name: '',
  template: 'legend-header',
  config: LEGEND_IN_HEADER,
  header: ['取組名', '担当課', '評価（S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ）'],
  rows: evaluations.map((ev, i) => [`取組${i + 1}`, '総務課', ev]),
});

ruleTester('invalid-evaluation', {
  valid: [
    plan('symbols by majority: ◎○△▲× and variants 〇 ✕', ['◎', '○', '△', '▲', '×', '〇', '✕']),
    plan('letters by majority: S A B C D, full-width Ｂ, lower-case b', ['S', 'A', 'B', 'C', 'D', 'Ｂ', 'b']),
    plan('lower-case a–d by majority', ['a', 'b', 'c', 'd', 'a']),
    plan('words by majority: 完了/取組中/未着手 (取り組み中 is 取組中)', ['完了', '取組中', '未着手', '完了', '取り組み中']),
    plan('words by majority: 達成/一部達成/未達成', ['達成', '一部達成', '未達成', '達成']),
    plan('words by majority: 順調/概ね順調/遅れ (おおむね順調 is 概ね順調)', ['順調', '概ね順調', '遅れ', 'おおむね順調']),
    plan('not-evaluated markers on a symbol scale', ['◎', '○', ...NOT_EVALUATED]),
    plan('not-evaluated markers on a letter scale', ['A', 'B', 'C', ...NOT_EVALUATED]),
    plan('not-evaluated markers on a word scale', ['完了', '取組中', '未着手', ...NOT_EVALUATED]),
    plan('blank cells are missing-entry’s, never invalid', ['○', '', '△']),
    plan('a legend above (○△× only) allows ○ △ ×', ['○', '△', '×'], { above: [['進行管理票'], ['評価　○：実施　△：一部実施　×：未実施']] }),
    plan('a legend row below spread over cells (凡例 | ◎：… | ○：…)', ['◎', '○', '×'], {
      below: [['', '凡例', '◎：達成', '○：概ね達成', '×：未達成']],
    }),
    plan('a legend S–C with －：対象外 allows 対象外 and －', ['S', 'A', 'C', '対象外', '－'], {
      below: [['評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ　－：対象外']],
    }),
    plan('a legend of letters with X, Y, Z (あきる野市): X is the letter, not ×', ['F', 'S', 'X', 'Z', 'ｘ'], {
      above: [['評価基準 F:事業完了 S:目標値以上 A:目標値どおり B:要改善 C:要大幅改善 X:未着手 Y:中止 Z:評価困難']],
    }),
    plan('a legend of words as a list: 完了／取組中／未着手', ['完了', '取組中', '未着手'], { below: [['※評価：完了／取組中／未着手']] }),
    plan('a configured list of words', ['良好', '要改善', '良好'], { config: { evaluationScale: ['良好', '要改善'] } }),
    plan('a configured per-column scale', ['○', '×'], { config: { evaluationScale: [{ column: '評価', values: ['○', '×'] }] } }),
    { ...legendInHeader(['S', 'A', 'B', 'C']), name: 'a legend in the header cell itself: S–C' },
    { ...twoColumns([['窓口', '総務課', '完了', 'A'], ['電子申請', '財政課', '取組中', '対象外']]), name: 'two columns, each on its own scale' },
  ],
  invalid: [
    planInvalid('symbols by majority: 良 is not a symbol', ['◎', '○', '△', '良'], [3]),
    planInvalid('letters by majority: E and ◎ are off the S–D scale', ['A', 'B', 'A', 'E', '◎'], [3, 4]),
    planInvalid('lower-case a–d by majority: e', ['a', 'b', 'c', 'a', 'e'], [4]),
    planInvalid('words by majority: 検討 is not on 完了/取組中/未着手', ['完了', '取組中', '未着手', '完了', '検討'], [4]),
    planInvalid('a legend of ○△× only: ◎ is invalid', ['○', '△', '◎', '×'], [2], {
      above: [['進行管理票'], ['評価　○：実施　△：一部実施　×：未実施']],
    }),
    planInvalid('a legend S–C: D is invalid', ['S', 'A', 'D'], [2], { below: [['評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ']] }),
    planInvalid('a legend F/S/A/B/C/X/Y/Z: E and × are invalid', ['F', 'X', 'E', '×'], [2, 3], {
      above: [['評価基準 F:事業完了 S:目標値以上 A:目標値どおり B:要改善 C:要大幅改善 X:未着手 Y:中止 Z:評価困難']],
    }),
    planInvalid('a configured list ○△×: ◎ is invalid', ['◎', '○', '△'], [0], { config: { evaluationScale: ['○', '△', '×'] } }),
    planInvalid('configured letters: every symbol is invalid', ['○', '△', 'A'], [0, 1], { config: { evaluationScale: 'letters' } }),
    { ...legendInHeader(['S', 'A', 'D']), name: 'a legend in the header cell: D is invalid', errors: [{ cell: 'C4', code: 'invalid-evaluation' }] },
    {
      ...LEGEND_OF_ANOTHER_COLUMN,
      name: 'a legend naming another column (実施状況) is not the evaluation’s: 完了 under 達成度 is invalid',
      rows: [
        ['窓口', '総務課', '完了', 'A'],
        ['電子申請', '財政課', '取組中', '完了'],
      ],
      errors: [{ cell: 'D3', code: 'invalid-evaluation' }],
    },
    {
      ...twoColumns([['窓口', '総務課', 'A', '完了']]),
      name: 'two columns: a letter under 実施状況 and a word under 達成度 are both invalid',
      errors: [
        { cell: 'C2', code: 'invalid-evaluation', field: 'evaluation' },
        { cell: 'D2', code: 'invalid-evaluation', field: 'evaluation2' },
      ],
    },
  ],
});

describe('evaluationScale in the configuration', () => {
  test.each([
    ['letters', 'letters'],
    ['a list of values', ['○', '△', '×']],
    ['values with rates', [{ value: 'A', min: 1 }, { value: 'B', min: null }]],
    ['one scale per column', [{ column: '達成度', values: ['A', 'B', 'C'] }, { column: '実施状況', values: ['完了', '未着手'], notEvaluated: ['対象外'] }]],
  ])('accepts %s', (_name, evaluationScale) => {
    expect(() => parseConfig({ evaluationScale }, 'test')).not.toThrow();
  });

  test.each([
    ['a single value', ['A']],
    ['a repeated value', ['○', '○', '×']],
    ['an unknown name', 'numbers'],
    ['an unknown key in a column entry', [{ column: '評価', values: ['A', 'B'], order: 'desc' }]],
  ])('refuses %s, in Japanese', (_name, evaluationScale) => {
    expect(() => parseConfig({ evaluationScale }, 'test')).toThrow(/設定が正しくありません/);
  });
});
