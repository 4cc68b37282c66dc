/**
 * Issue 7 item 5: rows that are not items (section, legend, note, total and repeated header rows)
 * are recognised and never flagged by any rule.
 */
import { checkSheet, type CellValue } from '../../../src/engine';
import { SheetView } from '../../../src/engine/table/sheetView';
import { classifyContentRow } from '../../../src/engine/table/layout';
import { HEADERS } from './ruleTester';

const K = HEADERS.kpi;
const item = (no: number, name: string): CellValue[] => [no, name, '電子申請件数', 0, 100, 106, '総務課', '106%', 'A'];

describe('a sheet with every kind of row that is not an item', () => {
  const values: CellValue[][] = [
    ['令和7年度 行財政改革 進捗状況'],
    ['評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ　D：未着手'],
    K,
    ['■ 行政運営の効率化'],
    item(1, '窓口のデジタル化'),
    ['【1】業務の見直し', '', '', '', '', '', '', '', '（2項目）'],
    item(2, '電子申請の拡大'),
    ['', '小計', '', 0, 200, 212, '', '', ''],
    K,
    ['大分類2 財政の健全化'],
    item(3, '使用料の見直し'),
    ['基本方針3 職員の意識改革を進め、組織全体で業務改善に取り組みます'],
    item(4, '職員提案制度'),
    ['', '合計', '', 0, 400, 424, '', '', ''],
    ['※ 実績値は令和6年度末時点'],
    ['注1）目標値(R10)は計画最終年度の値'],
    ['', '凡例', '◎：達成', '○：概ね達成', '×：未達成'],
  ];

  test('four items, no issue of any rule, and the year is the title’s', () => {
    const check = checkSheet({ values }, { asOf: '2025-10-15', template: 'kpi-baseline-target' });
    expect(check.rows.map((r) => r.item)).toEqual(['窓口のデジタル化', '電子申請の拡大', '使用料の見直し', '職員提案制度']);
    expect(check.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([]);
    expect(check.fiscalYear).toBe(2025);
    expect(check.fiscalYearSource).toBe('title');
  });

  test('the section rows head the items below them', () => {
    const check = checkSheet({ values }, { asOf: '2025-10-15', template: 'kpi-baseline-target' });
    expect(check.rows.map((r) => r.section)).toEqual(['■ 行政運営の効率化', '【1】業務の見直し (2項目)', '大分類2 財政の健全化', expect.stringMatching(/^基本方針3/)]);
  });
});

describe('a block title alone before a repeated header', () => {
  test('is the next block’s section, not an item missing its department', () => {
    const Q = HEADERS.quarterly;
    const values: CellValue[][] = [
      ['生涯学習の促進'],
      Q,
      ['1 公民館講座の充実', '生涯学習課', '実施', '実施', '', ''],
      [],
      ['生涯スポーツの促進'],
      Q,
      ['2 スポーツクラブの育成', 'スポーツ課', '実施', '実施', '', ''],
    ];
    const check = checkSheet({ values }, { asOf: '2025-10-15', template: 'quarterly' });
    expect(check.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([]);
    expect(check.rows.map((r) => [r.item, r.section])).toEqual([
      ['公民館講座の充実', null],
      ['スポーツクラブの育成', '生涯スポーツの促進'],
    ]);
  });
});

describe('classifyContentRow', () => {
  const unit = new Set([1]);
  const kind = (row: CellValue[]) => classifyContentRow(new SheetView({ values: [row] }), 0, unit, 0);

  test.each([
    [['', '合計', '', 100, 200], 'total'],
    [['計', '', '', '1,234', ''], 'total'],
    [['', '小 計', '', 100, ''], 'total'],
    [['', '合計'], 'total'],
    [['評価', 'S：計画以上', 'A：計画どおり', 'B：やや遅れ'], 'legend'],
    [['', '◎：達成　○：概ね達成　△：一部未達成　×：未達成'], 'legend'],
    [['', '', '完了／取組中／未着手'], 'legend'],
    [['※ 第3・第4四半期は次回報告'], 'note'],
    [['※1', '実績は見込み'], 'note'],
    [['■ 行政運営の効率化'], 'section'],
    [['■', '行政運営の効率化'], 'section'],
    [['【2】', '財政の健全化'], 'section'],
    [['大分類1 組織・人材マネジメントの見直し'], 'section'],
    [['', '基本方針2 部局横断的な業務変革'], 'section'],
    [[1, '窓口のデジタル化', '総務課'], 'data'],
    [['', '窓口のデジタル化'], 'data'],
    [['', '合計の見直し', '総務課'], 'data'],
    [[2, '計画的な職員採用', '人事課', 100], 'data'],
    // an item that begins with 評価 is no legend, even with a list of words beside it
    [['', '評価制度の見直し', '人事課・総務課', '実施・継続'], 'data'],
    [['評価制度の見直し', '人事課・総務課'], 'data'],
    [['-1-'], 'note'],
    [['', '－２－'], 'note'],
    [['', 'A', 'B', 'C', 'D', 'E'], 'note'],
    [['', '①', '②', '③', '④'], 'note'],
    [[1, 2, 3, 4, 5], 'note'],
    [['', 'A', 'C', 'B', 'D'], 'data'],
    [['内 容', '地域農業の中核を担う農家等を認定農業者として位置づけ、総合的に支援していきます。'], 'note'],
    [['窓口改革', '窓口業務の手順を見直し、オンライン化と様式の統一を進め、待ち時間を短縮します。'], 'data'],
  ] as [CellValue[], string][])('%j is %s', (row, expected) => {
    expect(kind(row)).toBe(expected);
  });
});
