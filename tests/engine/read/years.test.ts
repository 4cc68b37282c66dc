/**
 * design.md §4 "Japanese years": 令和N年度 = FY 2018+N (令和元年度 = FY 2019, also written
 * 平成31年度); 平成N = 1988+N; short forms R5, H29, and bare 29基準 / 30実績 in a 平成-era sheet;
 * Excel date serials.
 */
import {
  excelSerialToIsoDate,
  formatFiscalYear,
  readFiscalYear,
  readFiscalYears,
} from '../../../src/engine/read/years';

describe('readFiscalYear: 令和', () => {
  test('令和5年度 is FY 2023', () => expect(readFiscalYear('令和5年度')).toBe(2023));
  test('令和元年度 is FY 2019', () => expect(readFiscalYear('令和元年度')).toBe(2019));
  test('令和7年度 in a title (seed 000) is FY 2025', () =>
    expect(readFiscalYear('令和7年度 行財政改革 進捗状況（第2四半期）')).toBe(2025));
  test('full-width 令和５年度 is FY 2023', () => expect(readFiscalYear('令和５年度')).toBe(2023));
});

describe('readFiscalYear: 平成', () => {
  test('平成31年度 is FY 2019, the same year as 令和元年度', () => {
    expect(readFiscalYear('平成31年度')).toBe(2019);
    expect(readFiscalYear('平成31年度')).toBe(readFiscalYear('令和元年度'));
  });
  test('平成29年度 is FY 2017', () => expect(readFiscalYear('平成29年度')).toBe(2017));
});

describe('readFiscalYear: short forms', () => {
  test('R5 is FY 2023', () => expect(readFiscalYear('R5')).toBe(2023));
  test('H29 is FY 2017', () => expect(readFiscalYear('H29')).toBe(2017));
  test('R5年度 with a line break (seed 004 header "R5年度\\n年度実績") is FY 2023', () =>
    expect(readFiscalYear('R5年度\n年度実績')).toBe(2023));
  test('full-width Ｒ５ is FY 2023', () => expect(readFiscalYear('Ｒ５')).toBe(2023));
  test('an R inside a word is no era: PDCAR1 names no year', () => expect(readFiscalYear('PDCAR1')).toBeNull());
});

describe('readFiscalYear: western years', () => {
  test('2025年度 is FY 2025', () => expect(readFiscalYear('2025年度')).toBe(2025));
  test('基準値（2024） (seed 003 header) is 2024', () => expect(readFiscalYear('基準値（2024）')).toBe(2024));
  test('目標値（2030） is 2030', () => expect(readFiscalYear('目標値（2030）')).toBe(2030));
  test('a year must not follow a digit: 12025年度 and No.120192020年度 name no year', () => {
    expect(readFiscalYear('12025年度')).toBeNull();
    expect(readFiscalYears('No.120192020年度')).toEqual([]);
  });
  test('a letter before the year is fine: A2025年度 is FY 2025, and 2019)2020年度 names both', () => {
    expect(readFiscalYear('A2025年度')).toBe(2025);
    expect(readFiscalYears('2019)2020年度')).toEqual([2019, 2020]);
  });
});

describe('readFiscalYear: bare era years of a 平成-era sheet', () => {
  test('29基準 is FY 2017', () => expect(readFiscalYear('29基準')).toBe(2017));
  test('30実績 is FY 2018', () => expect(readFiscalYear('30実績')).toBe(2018));
});

describe('readFiscalYear: no year', () => {
  test.each(['実施項目', '', '担当課', '合計'])('%p names no year', (text) => {
    expect(readFiscalYear(text)).toBeNull();
  });
});

describe('readFiscalYears: every year, in order', () => {
  test('令和4年度実績 / 令和5年度実績 → [2022, 2023]', () => {
    expect(readFiscalYears('令和4年度実績 令和5年度実績')).toEqual([2022, 2023]);
  });
  test('mixed forms in one text keep their order of appearance', () => {
    expect(readFiscalYears('R5年度実績（2023年度）、H29基準')).toEqual([2023, 2023, 2017]);
  });
});

describe('formatFiscalYear', () => {
  test('2019 is 令和元年度', () => expect(formatFiscalYear(2019)).toBe('令和元年度'));
  test('2025 is 令和7年度', () => expect(formatFiscalYear(2025)).toBe('令和7年度'));
  test('2017 is 平成29年度', () => expect(formatFiscalYear(2017)).toBe('平成29年度'));
  test('in English, 2025 is FY2025', () => expect(formatFiscalYear(2025, 'en')).toBe('FY2025'));
  test('reading a formatted year gives the year back, 1990–2100', () => {
    for (let fy = 1990; fy <= 2100; fy++) expect(readFiscalYear(formatFiscalYear(fy))).toBe(fy);
  });
});

describe('excelSerialToIsoDate', () => {
  /** Days since Excel's 1900 epoch, as Excel counts them (1899-12-30 absorbs the phantom 1900-02-29). */
  const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

  test('45930 is 2025-09-30 (the end of Q2 of FY 2025)', () => {
    expect(serialOf(2025, 9, 30)).toBe(45930);
    expect(excelSerialToIsoDate(45930)).toBe('2025-09-30');
  });

  test('45658 is 2025-01-01', () => expect(excelSerialToIsoDate(45658)).toBe('2025-01-01'));

  test('a time of day does not change the date: 45930.75 is 2025-09-30', () =>
    expect(excelSerialToIsoDate(45930.75)).toBe('2025-09-30'));

  test('the first serials: 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
  });

  test('every day from 1900-03-01 to 2100-12-31 agrees with the date arithmetic', () => {
    for (let serial = 61; serial <= serialOf(2100, 12, 31); serial += 17) {
      const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
      expect(excelSerialToIsoDate(serial)).toBe(expected);
    }
  });
});
