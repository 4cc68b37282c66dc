/**
 * Indicators stacked in one row's cells (大分市 総合戦略に係る事務事業評価): 「①設備投資額\n②新規雇用従業員数」
 * over targets 「240,000千円\n2人」 and actuals 「2,580,662千円\n15人」, one per line, under a two-row header
 * 指標値 over 目標 | 実績 and a legend strip titled 【評価:事業効果】.
 */
import { check, grid, issues, mapping } from './grid';

const rows = (actual: string, target = '240,000千円\n2人') => [
  ['大分市総合戦略に係る事務事業評価'],
  ['【評価:事業効果】 A:高い  B:やや高い  C:ふつう  D:やや低い  E:低い'],
  ['事業名', '担当課', '指標', '指標値', '', '評価'],
  ['', '', '', '目標', '実績', ''],
  ['企業立地促進事業', '商工労政課', '①設備投資額\n②新規雇用従業員数', target, actual, 'A'],
  ['中小企業人材確保支援事業', '商工労政課', '①市における全求人数\n　に占める正社員の\n　求人割合\n②中小製造業設備投資\n　補助事業申請件数', '50%\n15件', '47.1%\n9件', 'E'],
  ['創業支援事業', '商工労政課', '①創業者数', '30人', '41人', 'B'],
];
const MERGES = ['A1:F1', 'A2:F2', 'D3:E3', 'A3:A4', 'B3:B4', 'C3:C4', 'F3:F4'];

describe('indicators stacked one per line', () => {
  test('each line is an indicator of its own, its name joined where it wraps', () => {
    const result = check(grid(rows('2,580,662千円\n15人'), MERGES), '2017-06-01');
    expect(mapping(result)).toEqual(['A:item', 'B:department', 'C:kpi.name', 'D:kpi.target', 'E:kpi.actual', 'F:evaluation']);
    expect(result.rows[0].kpis.map((k) => [k.name, k.target, k.actual, k.achievementRate])).toEqual([
      ['①設備投資額', 240000, 2580662, 10.7528],
      ['②新規雇用従業員数', 2, 15, 7.5],
    ]);
    expect(result.rows[1].kpis.map((k) => [k.name, k.achievementRate])).toEqual([
      ['①市における全求人数に占める正社員の求人割合', 0.942],
      ['②中小製造業設備投資補助事業申請件数', 0.6],
    ]);
    // the item's rate is its first indicator's, as for any item with several indicators
    expect(result.rows.map((r) => r.achievementRate)).toEqual([10.7528, 0.942, 1.3667]);
    // the legend strip's scale A–E: E is on it
    expect(issues(result)).toEqual([]);
  });

  test('a word on one line is that indicator’s invalid number, at the cell', () => {
    const result = check(grid(rows('2,580,662千円\n集計中'), MERGES), '2017-06-01');
    expect(issues(result)).toEqual(['E5 invalid-number']);
    expect(result.issues[0].message).toContain('「集計中」');
    expect(result.rows[0].kpis.map((k) => k.achievementRate)).toEqual([10.7528, null]);
  });

  test('lines that do not pair with the indicators (two names, one figure) are read as one indicator, as before', () => {
    const result = check(grid(rows('2,580,662千円', '240,000千円'), MERGES), '2017-06-01');
    expect(result.rows[0].kpis).toHaveLength(1);
    expect(result.rows[0].achievementRate).toBe(10.7528);
  });
});
