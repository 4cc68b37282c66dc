/**
 * design.md §6 and issue 7 item 6: the sheet's fiscal year is the reporting year, not a plan
 * period. Ranges and legends do not set it; a year beside 進捗・実績・報告 in the title wins; else the
 * header's result columns; else the as-of date. The report says where the year came from.
 */
import { checkSheet, type CellValue, type Grid } from '../../../src/engine';
import { readFiscalYear, readReportingYears } from '../../../src/engine/read/years';

const QUARTER_HEADER = ['項目', '担当課', '第1四半期', '第2四半期', '第3四半期', '第4四半期'];

/** A quarterly table under the given title lines; Q1 and Q2 of the one item are empty. */
function quarterly(titles: string[]): Grid {
  const values: CellValue[][] = titles.map((t) => [t]);
  values.push(QUARTER_HEADER, ['1 窓口のデジタル化', '総務課', '', '', '', '']);
  return { values };
}

function missingQuarters(grid: Grid, asOf: string, sheetName?: string): string[] {
  return checkSheet(grid, { asOf, sheetName })
    .issues.filter((i) => i.code === 'missing-entry')
    .map((i) => i.cell);
}

describe('readReportingYears: which title years name the reporting year', () => {
  test.each([
    ['令和7年度 行財政改革 進捗状況（第2四半期）', [2025], []],
    ['令和7年度 行財政改革実施計画 進捗状況調書', [2025], []],
    ['（令和7年9月30日現在）', [2025], []],
    ['【行政経営推進方針2022】における主な取り組み実績調査（令和4年度・令和5年度 実績）', [2023], [2022, 2022]],
    ['令和6年度実績・令和7年度計画', [2024], []],
    ['進捗状況報告（R7）', [2025], []],
    ['2025年度 行政改革', [], [2025]],
  ])('%s', (text, reporting, plain) => {
    const read = readReportingYears(text);
    expect(read.reporting).toEqual(reporting);
    // 2022 of 推進方針2022 is no fiscal year of the report, but it is plain: it never beats 実績
    if (plain.length > 0) expect(read.plain.length).toBeGreaterThan(0);
    else expect(read.plain).toEqual([]);
  });

  test.each([
    '（計画期間：令和7年度～令和11年度）',
    '計画期間 令和7年度から令和11年度',
    'R3～R7',
    '2025～2029年度',
    '※目標値(R10)は第2次計画の最終年度の値です',
    '注1) 令和11年度までの累計',
    '令和11年度までに達成',
    '目標年度：令和10年度',
  ])('%s names no reporting year and no plain year', (text) => {
    expect(readReportingYears(text)).toEqual({ reporting: [], plain: [] });
  });
});

describe('readReportingYears: years written without their era', () => {
  test('19年度進捗状況 is 平成19 (FY2007) as of 2008, 7年度 実績報告 is 令和7 (FY2025) as of 2025', () => {
    expect(readReportingYears('集中改革プラン19年度進捗状況(実績)', 2008).reporting).toEqual([2007]);
    expect(readReportingYears('7年度 実績報告', 2025).reporting).toEqual([2025]);
  });

  test('a bare year with no report word beside it says nothing (3年度計画, 第2次5か年)', () => {
    expect(readReportingYears('3年度計画の見直し', 2025)).toEqual({ reporting: [], plain: [] });
    expect(readReportingYears('行政改革 5年度', 2025)).toEqual({ reporting: [], plain: [] });
  });

  test('an era year is not read twice: 令和7年度 進捗状況 is one year', () => {
    expect(readReportingYears('令和7年度 進捗状況', 2025).reporting).toEqual([2025]);
  });
});

describe('readReportingYears: the report on a whole period (黒部市 実績報告)', () => {
  test('「第3次推進期間 平成27年度~平成29年度 実 績 報 告」 reports on the period’s last year, once it has begun', () => {
    expect(readReportingYears('第3次推進期間 平成27年度~平成29年度　実 績 報 告', 2018).reporting).toEqual([2017]);
    expect(readReportingYears('令和3年度～令和7年度 取組状況の報告', 2026).reporting).toEqual([2025]);
  });

  test('a period still running is no reporting year: 「令和3年度～令和7年度 進捗状況」 as of 2023', () => {
    expect(readReportingYears('令和3年度～令和7年度 進捗状況', 2023)).toEqual({ reporting: [], plain: [] });
    // without an as-of year the period is a plan period, as before
    expect(readReportingYears('平成27年度~平成29年度 実績報告')).toEqual({ reporting: [], plain: [] });
  });
});

describe('readReportingYears: an era year, a dot and the month (第二次行政改革大綱)', () => {
  test('（H27.3 月末現在） is the end of 平成26年度; R7.9末時点 is in 令和7年度; R7.3.31現在 in 令和6年度', () => {
    expect(readReportingYears('（H27.3 月末現在）　対象項目 69項目（抜粋）', 2015).reporting).toEqual([2014]);
    expect(readReportingYears('R7.9末時点', 2025).reporting).toEqual([2025]);
    expect(readReportingYears('R7.3.31現在', 2025).reporting).toEqual([2024]);
  });

  test('no month after the dot is no date: H27.13 is a year alone', () => {
    expect(readFiscalYear('H27.13')).toBe(2015);
  });
});

describe('resolveFiscalYear through checkSheet', () => {
  test('bug: a plan-period subtitle above a quarterly table no longer sets the year to 2029', () => {
    const grid = quarterly(['行財政改革 進行管理票', '（計画期間：令和7年度～令和11年度）']);
    const check = checkSheet(grid, { asOf: '2025-10-15' });
    expect(check.fiscalYear).toBe(2025);
    expect(check.fiscalYearSource).toBe('as-of');
    // due-date checks stay on: Q1 and Q2 of FY2025 ended before 2025-10-15
    expect(missingQuarters(grid, '2025-10-15')).toEqual(['C4', 'D4']);
  });

  test('bug: a legend line ※目標値(R10) no longer sets the year to 2028', () => {
    const grid = quarterly(['行財政改革 進行管理票', '※目標値(R10)は計画最終年度の値']);
    const check = checkSheet(grid, { asOf: '2025-10-15' });
    expect(check.fiscalYear).toBe(2025);
    expect(check.fiscalYearSource).toBe('as-of');
    expect(missingQuarters(grid, '2025-10-15')).toEqual(['C4', 'D4']);
  });

  test('a year beside 進捗 in the title wins over the plan period and the as-of date', () => {
    const grid = quarterly(['令和6年度 行財政改革 進捗状況', '（計画期間：令和3年度～令和7年度）']);
    const check = checkSheet(grid, { asOf: '2025-10-15' });
    expect(check.fiscalYear).toBe(2024);
    expect(check.fiscalYearSource).toBe('title');
    // every quarter of FY2024 has ended
    expect(missingQuarters(grid, '2025-10-15')).toEqual(['C4', 'D4', 'E4', 'F4']);
  });

  test('a sheet named 「19年度進捗状況」 checked in 2008 reports on FY2007', () => {
    const check = checkSheet(quarterly(['集中改革プラン']), { asOf: '2008-06-01', sheetName: '19年度進捗状況' });
    expect(check.fiscalYear).toBe(2007);
    expect(check.fiscalYearSource).toBe('title');
  });

  test('the sheet name counts as a title: 「R6進捗」', () => {
    const check = checkSheet(quarterly(['行財政改革 進行管理票']), { asOf: '2025-10-15', sheetName: 'R6進捗' });
    expect(check.fiscalYear).toBe(2024);
    expect(check.fiscalYearSource).toBe('title');
  });

  test('a plain year alone in the title is used when the header names none', () => {
    const check = checkSheet(quarterly(['2024年度 行財政改革 進行管理票']), { asOf: '2025-10-15' });
    expect(check.fiscalYear).toBe(2024);
    expect(check.fiscalYearSource).toBe('title');
  });

  test('the configuration wins and says so', () => {
    const check = checkSheet(quarterly(['令和6年度 進捗状況']), { asOf: '2025-10-15', config: { fiscalYear: 2023 } });
    expect(check.fiscalYear).toBe(2023);
    expect(check.fiscalYearSource).toBe('config');
  });

  test('header result columns: the latest year begun by the as-of date, not the plan’s last year', () => {
    const grid: Grid = {
      values: [
        ['行財政改革 取組実績一覧（計画期間：令和3年度～令和11年度）'],
        ['視点', '主な取組', '担当課', '令和5年度実績', '令和6年度実績', '令和7年度実績', '令和11年度実績'],
        ['行政経営', '事務事業の見直し', '総務課', '実施', '実施', '', ''],
      ],
    };
    const check = checkSheet(grid, { asOf: '2025-10-15' });
    expect(check.template).toBe('annual-results');
    expect(check.fiscalYear).toBe(2025);
    expect(check.fiscalYearSource).toBe('header');
  });

  test('no year anywhere: the as-of date’s fiscal year (January belongs to the year before)', () => {
    const check = checkSheet(quarterly(['行財政改革 進行管理票']), { asOf: '2026-01-20' });
    expect(check.fiscalYear).toBe(2025);
    expect(check.fiscalYearSource).toBe('as-of');
  });

  test('a sheet that is no progress sheet has no fiscal year and no source', () => {
    const check = checkSheet({ values: [['表紙'], ['令和7年度 進捗状況']] }, { asOf: '2025-10-15' });
    expect(check.template).toBeNull();
    expect(check.fiscalYearSource).toBeNull();
  });
});

describe('header years of a 平成-era sheet', () => {
  test('実績値(29年度目標値) names FY2017 (a bare era year before 年度)', () => {
    expect(readFiscalYear('29年度目標値')).toBe(2017);
    expect(readFiscalYear('3年度計画')).toBe(2021);
  });

  test('the header’s actual column 実績値(29年度目標値) sets the year, so its actual is due after FY2017', () => {
    const grid: Grid = {
      values: [
        ['数値目標の達成状況'],
        ['No', '取組項目', '指標', '基準値', '目標値', '実績値(29年度目標値)', '担当課', '評価'],
        [1, '新規雇用の創出', '新規雇用者数', 16507, 17000, '', '商工課', 'A'],
      ],
    };
    const check = checkSheet(grid, { asOf: '2018-06-01', template: 'kpi-baseline-target' });
    expect(check.fiscalYear).toBe(2017);
    expect(check.fiscalYearSource).toBe('header');
    expect(check.issues.filter((i) => i.code === 'missing-entry').map((i) => i.cell)).toEqual(['F3']);
  });
});
