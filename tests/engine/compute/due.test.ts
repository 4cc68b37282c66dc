/**
 * design.md §6 "What is due": the fiscal year runs April to March (start month configurable);
 * Q1 = 4–6月, Q2 = 7–9月, Q3 = 10–12月, Q4 = 1–3月; an entry is due when the as-of date is after the
 * period's last day.
 */
import { fiscalYearEnd, fiscalYearOf, isDue, isIsoDate, quarterEnd } from '../../../src/engine/due';
import { checkSheet, type Grid } from '../../../src/engine';

describe('fiscalYearOf, April start', () => {
  test('2025-03-31 is the last day of FY 2024', () => expect(fiscalYearOf('2025-03-31')).toBe(2024));
  test('2025-04-01 is the first day of FY 2025', () => expect(fiscalYearOf('2025-04-01')).toBe(2025));
  test('2025-12-31 and 2026-01-01 are both FY 2025', () => {
    expect(fiscalYearOf('2025-12-31')).toBe(2025);
    expect(fiscalYearOf('2026-01-01')).toBe(2025);
  });
  test('an explicit start month 4 is the default', () => expect(fiscalYearOf('2025-03-31', 4)).toBe(2024));
});

describe('quarterEnd, April start', () => {
  test.each([
    [1, '2025-06-30'],
    [2, '2025-09-30'],
    [3, '2025-12-31'],
    [4, '2026-03-31'],
  ])('FY 2025 Q%d ends %s', (q, end) => {
    expect(quarterEnd(2025, q)).toBe(end);
  });

  test('the fiscal year ends with its Q4: FY 2025 ends 2026-03-31', () => {
    expect(fiscalYearEnd(2025)).toBe('2026-03-31');
  });
});

describe('start month 1 (calendar fiscal year)', () => {
  test('2024-12-31 is FY 2024, 2025-01-01 is FY 2025', () => {
    expect(fiscalYearOf('2024-12-31', 1)).toBe(2024);
    expect(fiscalYearOf('2025-01-01', 1)).toBe(2025);
  });

  test.each([
    [1, '2025-03-31'],
    [2, '2025-06-30'],
    [3, '2025-09-30'],
    [4, '2025-12-31'],
  ])('FY 2025 Q%d ends %s', (q, end) => {
    expect(quarterEnd(2025, q, 1)).toBe(end);
  });

  test('FY 2025 ends 2025-12-31', () => expect(fiscalYearEnd(2025, 1)).toBe('2025-12-31'));
});

describe('other start months', () => {
  test('start month 12: Q1 of FY 2023 is Dec–Feb and ends on the leap day 2024-02-29', () => {
    expect(quarterEnd(2023, 1, 12)).toBe('2024-02-29');
    expect(quarterEnd(2024, 1, 12)).toBe('2025-02-28');
  });

  test('start month 10: FY 2025 runs 2025-10-01 to 2026-09-30', () => {
    expect(fiscalYearOf('2025-09-30', 10)).toBe(2024);
    expect(fiscalYearOf('2025-10-01', 10)).toBe(2025);
    expect(fiscalYearEnd(2025, 10)).toBe('2026-09-30');
  });
});

describe('isDue: strictly after the last day', () => {
  const q1 = quarterEnd(2025, 1);
  test('as of 2025-06-30, the last day of Q1, Q1 is not due yet', () => expect(isDue('2025-06-30', q1)).toBe(false));
  test('as of 2025-07-01, Q1 is due', () => expect(isDue('2025-07-01', q1)).toBe(true));
  test('as of a date inside the quarter, it is not due', () => expect(isDue('2025-05-15', q1)).toBe(false));
  test('as of the next year, it is due', () => expect(isDue('2026-01-01', q1)).toBe(true));
});

describe('isIsoDate', () => {
  test.each(['2025-06-30', '2024-02-29'])('%s is a date', (d) => expect(isIsoDate(d)).toBe(true));
  test.each(['2025-02-29', '2025-13-01', '2025-6-30', '20250630', ''])('%p is not', (d) => expect(isIsoDate(d)).toBe(false));
});

describe('due entries through checkSheet (a quarterly sheet, FY 2025 from its title)', () => {
  // seed 000's layout: title naming 令和7年度, header 項目 / 担当部局 / four quarters
  const grid: Grid = {
    values: [
      ['令和7年度 行財政改革 進捗状況'],
      [],
      ['項 目', '担当部局', '1/4四半期（4月から6月）', '2/4四半期（7月から9月）', '3/4四半期（10月から12月）', '4/4四半期（1月から3月）'],
      ['1 広報・広聴の一元化', '政策企画局', '', '', '', ''],
    ],
  };
  const missing = (asOf: string) =>
    checkSheet(grid, { asOf })
      .issues.filter((i) => i.code === 'missing-entry')
      .map((i) => [i.cell, i.field]);

  test('the sheet is quarterly and FY 2025', () => {
    const result = checkSheet(grid, { asOf: '2025-06-30' });
    expect(result.template).toBe('quarterly');
    expect(result.fiscalYear).toBe(2025);
  });

  test('as of 2025-06-30 nothing is due', () => expect(missing('2025-06-30')).toEqual([]));
  test('as of 2025-07-01 Q1 is due and empty', () => expect(missing('2025-07-01')).toEqual([['C4', 'q1']]));
  test('as of 2025-10-01 Q1 and Q2 are due', () =>
    expect(missing('2025-10-01')).toEqual([
      ['C4', 'q1'],
      ['D4', 'q2'],
    ]));
  test('as of 2026-03-31 Q4 is not due yet; as of 2026-04-01 it is', () => {
    expect(missing('2026-03-31').map(([, f]) => f)).toEqual(['q1', 'q2', 'q3']);
    expect(missing('2026-04-01').map(([, f]) => f)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });
  test('a none marker (－) is an entry: not missing', () => {
    const filled: Grid = { values: grid.values.map((r, i) => (i === 3 ? ['1 広報・広聴の一元化', '政策企画局', '－', '', '', ''] : r)) };
    const issues = checkSheet(filled, { asOf: '2025-07-01' }).issues.filter((i) => i.code === 'missing-entry');
    expect(issues).toEqual([]);
  });
  test('with start month 1 (config), Q1 = Jan–Mar 2025 is due as of 2025-04-01', () => {
    const result = checkSheet(grid, { asOf: '2025-04-01', config: { fiscalYearStartMonth: 1 } });
    expect(result.issues.filter((i) => i.code === 'missing-entry').map((i) => i.field)).toEqual(['q1']);
  });

  // design.md §6: "The sheet's fiscal year comes from configuration, else from the sheet's own title
  // or headers (`令和7年度`, `2025年度`, `R7`)". A Q4 report's title commonly carries its as-of date
  // (令和8年3月31日現在, which is still FY 2025): a date is read by its month, not as a fiscal year.
  test('a title 令和7年度 … （令和8年3月31日現在） is FY 2025, and as of 2026-04-15 Q4 is due', () => {
    const titled: Grid = { values: [['令和7年度 行財政改革 進捗状況（令和8年3月31日現在）'], ...grid.values.slice(1)] };
    const result = checkSheet(titled, { asOf: '2026-04-15' });
    expect(result.fiscalYear).toBe(2025);
    expect(result.issues.filter((i) => i.code === 'missing-entry').map((i) => i.field)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  test('the same title without the date: FY 2025, Q4 due as of 2026-04-15', () => {
    const result = checkSheet(grid, { asOf: '2026-04-15' });
    expect(result.fiscalYear).toBe(2025);
    expect(result.issues.filter((i) => i.code === 'missing-entry').map((i) => i.field)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });
});
