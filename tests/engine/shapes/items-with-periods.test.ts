/**
 * Shape: one row per item with period columns (design.md §2): quarters written as months,
 * half years, year groups with sub-columns, bare years under a group header. Grids are built in
 * code with title rows, two-row headers and merged group cells, section rows and legends.
 */
import { check, grid, issues, mapping } from './grid';

describe('quarters written as 第N四半期 over months, items named 取組名, departments 主管課', () => {
  const g = grid([
    ['令和7年度 行政改革実施計画 進捗状況（第2四半期）'],
    ['（計画期間：令和7年度～令和11年度）'],
    [],
    ['No.', '取組名', '主管課', '第１四半期\n（４～６月）', '第２四半期\n（７～９月）', '第３四半期\n（10～12月）', '第４四半期\n（１～３月）', '備考'],
    ['【1】行政運営の効率化'],
    [1, 'RPAの導入', '情報政策課', '実証実験を行った', '', '', '', ''],
    [2, '', '人事課', '研修を実施', '研修を実施', '', '', ''],
    [3, '窓口の改善', '', '案内表示を更新', '－', '', '', ''],
    ['※ 各課は四半期ごとに記入してください。'],
  ]);

  test('quarterly family; quarters and the department read through the vocabulary', () => {
    const result = check(g);
    expect(result.template).toBe('quarterly');
    expect(result.status).toBe('checked');
    expect(mapping(result)).toEqual(['A:id', 'B:item', 'C:department', 'D:period', 'E:period', 'F:period', 'G:period', 'H:note']);
    expect(result.columns.find((c) => c.letter === 'C')).toMatchObject({ term: 'department', matchedBy: '主管課' });
    expect(result.rows.map((r) => r.row)).toEqual([6, 7, 8]);
  });

  test('issues by cell: an empty Q2, an empty item, an empty department; － counts as written', () => {
    expect(issues(check(g))).toEqual(['E6 missing-entry', 'B7 required-missing', 'C8 required-missing']);
  });
});

describe('quarters written as months only (4月～6月) and half years (上期 / 下期)', () => {
  test('4月～6月 … 1月～3月 are Q1…Q4', () => {
    const g = grid([
      ['取組項目', '担当課', '4月～6月', '7月～9月', '10月～12月', '1月～3月'],
      ['窓口改善', '市民課', '実施', '', '', ''],
      ['電子申請', '情報課', '実施', '実施', '', ''],
    ]);
    const result = check(g);
    expect(result.columns.filter((c) => c.field === 'period')).toHaveLength(4);
    expect(result.issues.map((i) => `${i.cell} ${i.code} ${i.field}`)).toEqual(['D2 missing-entry q2']);
  });

  test('上期 is due after September, 下期 after March', () => {
    const g = grid([
      ['令和7年度 進捗状況'],
      ['取組項目', '担当課', '上期', '下期'],
      ['窓口改善', '市民課', '', ''],
    ]);
    expect(issues(check(g, '2025-09-30'))).toEqual([]);
    expect(issues(check(g, '2025-10-01'))).toEqual(['C3 missing-entry']);
    expect(issues(check(g, '2026-04-01'))).toEqual(['C3 missing-entry', 'D3 missing-entry']);
  });
});

describe('year groups with sub-columns: 令和5年度 and 令和6年度 over 実績 | 評価 | 達成度', () => {
  const g = grid(
    [
      ['行財政改革 取組状況一覧'],
      ['取組項目', '担当課', '令和5年度', '', '', '令和6年度', '', ''],
      ['', '', '実績', '評価', '達成度', '実績', '評価', '達成度'],
      ['公共施設の再編', '資産経営課', '計画策定', '○', 'a', '', '', ''],
      ['ふるさと納税の推進', '企画課', '寄附額 1.2億円', '◎', 'a', '寄附額 1.5億円', '◎', 'a'],
    ],
    ['A2:A3', 'B2:B3', 'C2:E2', 'F2:H2'],
  );

  test('the latest year’s 評価 and 達成度 are the evaluations; results of both years are periods', () => {
    const result = check(g, '2025-06-01');
    expect(result.status).toBe('checked');
    expect(result.headerRows).toEqual([2, 3]);
    expect(mapping(result)).toEqual([
      'A:item',
      'B:department',
      'C:period',
      'D:related',
      'E:related',
      'F:period',
      'G:evaluation',
      'H:evaluation2',
    ]);
  });

  test('an empty 令和6年度 実績 is missing once FY2024 has ended', () => {
    const result = check(g, '2025-06-01');
    expect(result.issues.filter((i) => i.code === 'missing-entry').map((i) => `${i.cell} ${i.field}`)).toEqual([
      'F4 fy2024.result',
      'G4 evaluation',
      'H4 evaluation2',
    ]);
    expect(issues(check(g, '2025-03-31'), ['missing-entry'])).toEqual([]);
  });
});

describe('bare years under a group header', () => {
  test('実績 over 6 and 7 (令和): the years are 2024 and 2025', () => {
    const g = grid(
      [
        ['取組項目', '担当課', '実績', ''],
        ['', '', 6, 7],
        ['窓口改善', '市民課', '', ''],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1'],
    );
    const result = check(g, '2025-10-15');
    expect(result.columns.filter((c) => c.field === 'period').map((c) => c.letter)).toEqual(['C', 'D']);
    expect(result.issues.map((i) => `${i.cell} ${i.code} ${i.field}`)).toEqual(['C3 missing-entry fy2024.result']);
  });

  test('スケジュール over 2024 2025 2026 is a schedule: never reported missing; 進捗状況 is the year’s result', () => {
    const g = grid(
      [
        ['令和7年度 取組状況'],
        ['No', '取組項目', '所管課', 'スケジュール', '', '', '進捗状況'],
        ['', '', '', 2024, 2025, 2026, ''],
        [1, '窓口改善', '市民課', '検討', '', '', '検討を開始した'],
        [2, '電子申請', '情報課', '', '', '', ''],
      ],
      ['A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:G3'],
    );
    const result = check(g, '2026-04-10');
    expect(result.columns.filter((c) => c.field === 'schedule').map((c) => c.letter)).toEqual(['D', 'E', 'F']);
    expect(issues(result)).toEqual(['G5 missing-entry']);
    expect(issues(check(g, '2025-10-15'))).toEqual([]);
  });
});
