/**
 * Property tests of the readers (design.md §4) and of checkSheet as a whole: no input a person can
 * type into a cell makes them throw, and formatted numbers read back as themselves.
 */
import fc from 'fast-check';
import { readNumber } from '../../../src/engine/read/number';
import { readEvaluation } from '../../../src/engine/read/evaluation';
import { readFiscalYear, readFiscalYears } from '../../../src/engine/read/years';
import { checkSheet, type CellValue, type Grid } from '../../../src/engine';

/** Seeded, so a run can be repeated; PROPERTY_SEED=<n> searches elsewhere. */
const SEED = Number(process.env.PROPERTY_SEED) || 20261202;

/** Bits of text real progress sheets hold: labels, figures, symbols, markers, years, errors. */
const SHEET_WORDS = [
  'No.', '項 目', '担当課', '担当部局', '取組項目', '具体的な取組', '実施項目', '指標', '基準値（2024）', '目標値（2030）',
  '令和5年度実績', '令和5年度計画', 'R5年度\n年度実績', '1/4四半期（4月から6月）', '目標', '実績', '合計', '達成率', '全体\n評価',
  '担当課の評価', '29基準', '30実績', '◎', '○', '〇', '◯', '△', '▲', '×', '✕', 'S', 'Ａ', 'x', 'O', '－', '-', 'なし', '該当なし', '/',
  '#DIV/0!', '#REF!', '#N/A', '#VALUE!', '△ 30,095', '▲500', '91.24%', '16.5万㎡', '39,757時間 (94,603,965円)', '１２３',
  '※注記', '【7】健全で開かれた行財政運営', '大分類1 組織', '★総務課 財政課', '令和元年度', '平成31年度', 'H29', '2025年度',
];

/** Arbitrary cell values: strings of every kind (full-width, Japanese, emoji…), numbers incl. NaN/±Infinity, booleans, null. */
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'０１２３４５６７８９，．％△▲◎○〇◯×－ー―令和平成元年度RH万億円千㎡()（） \u3000\n'.split('')) }),
  fc.string({ unit: fc.constantFrom('😀', '👍🏽', '🇯🇵', '達', '成', 'あ', 'ア', 'ｱ', '\u200b', '\ud800', '🎌') }),
  fc.constantFrom(...SHEET_WORDS),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.boolean(),
  fc.constant(null),
);

/** Override with PROPERTY_RUNS_SCALE=10 for a deeper search. */
const SCALE = Number(process.env.PROPERTY_RUNS_SCALE) || 1;

const numberFormat = fc.option(fc.constantFrom('General', '0.0%', '0%', '#,##0', '0.00', '@', '[$-ja-JP]ge.m.d', ''), { nil: undefined });

describe('readers never throw', () => {
  test('readNumber accepts any cell value and number format', () => {
    fc.assert(
      fc.property(cellValue, numberFormat, (value, format) => {
        const r = readNumber(value, format);
        expect(['number', 'blank', 'none', 'error', 'invalid']).toContain(r.kind);
        // a reading that is a number is a finite one
        if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 * SCALE },
    );
  });

  test('readEvaluation accepts any cell value', () => {
    fc.assert(
      fc.property(cellValue, (value) => {
        const r = readEvaluation(value);
        expect(['blank', 'none', 'error', 'symbol', 'letter', 'other']).toContain(r.kind);
      }),
      { seed: SEED, numRuns: 2000 * SCALE },
    );
  });

  test('readFiscalYears accepts any text and names only plausible years', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...SHEET_WORDS)), (text) => {
        const years = readFiscalYears(text);
        for (const y of years) {
          expect(Number.isInteger(y)).toBe(true);
          expect(y).toBeGreaterThanOrEqual(1900);
          expect(y).toBeLessThan(2200);
        }
        expect(readFiscalYear(text)).toBe(years.length ? years[0] : null);
      }),
      { seed: SEED, numRuns: 2000 * SCALE },
    );
  });
});

describe('checkSheet never throws on an arbitrary small grid', () => {
  /** Ragged rows: every row its own length, possibly empty. */
  const raggedGrid = fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 10 });

  test('arbitrary cells, ragged rows', () => {
    fc.assert(
      fc.property(raggedGrid, (values) => {
        const result = checkSheet({ values }, { asOf: '2025-10-15' });
        if (result.template === null) {
          expect(result.rows).toEqual([]);
          // a grid that merely looks like a table gets one unrecognized-layout warning (issue 7), nothing else
          expect(result.issues.filter((i) => i.code !== 'unrecognized-layout')).toEqual([]);
          expect(result.issues.length).toBeLessThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: 300 * SCALE },
    );
  });

  /** A header every profile knows, above arbitrary cells: gets the engine past detection into the rules. */
  const HEADERS: CellValue[][][] = [
    [['項 目', '担当部局', '1/4四半期（4月から6月）', '2/4四半期（7月から9月）']],
    [['行財政改革の体系', '', '行動計画の取組項目', '具体的な取組', '担当課', '令和5年度計画', '令和5年度実績(見込み)', '担当課の評価', '令和6年度計画']],
    [['No', '取組項目', '取組概要・取組内容', '指標', '基準値（2024）', '目標値（2030）', '担当課名']],
    [['視点', '主な取り組み', '関連する計画・制度', '令和4年度実績', '令和5年度実績']],
    [
      ['No.', '実施計画', '', '', '', '', '', '', 'R5年度\n年度実績', 'R5年度\n年度計画', '成果指標', '', '', '', '', '', '', '', '', '', '達成状況\n計画目標\n達成率', '財政効果額\n(千円)', '全体\n評価'],
      ['', '実施項目', '行動計画', 'R1', 'R2', 'R3', 'R4', 'R5', '', '', '項目', '', '29基準', '30実績', 'R1', 'R2', 'R3', 'R4', 'R5', '合計'],
    ],
  ];

  test('a known header above arbitrary ragged rows (values, number formats, merges)', () => {
    const merge = fc.record({ top: fc.nat(12), left: fc.nat(24), h: fc.nat(2), w: fc.nat(3) }).map(({ top, left, h, w }) => ({
      top,
      left,
      bottom: top + h,
      right: left + w,
    }));
    fc.assert(
      fc.property(
        fc.constantFrom(...HEADERS),
        fc.array(fc.array(cellValue, { maxLength: 24 }), { maxLength: 10 }),
        fc.array(merge, { maxLength: 3 }),
        fc.array(fc.array(fc.constantFrom(null, 'General', '0.0%', '#,##0'), { maxLength: 24 }), { maxLength: 12 }),
        fc.constantFrom('2024-03-31', '2025-04-01', '2025-10-15', '2026-04-01'),
        fc.constantFrom<'ja' | 'en'>('ja', 'en'),
        (header, body, merges, numberFormats, asOf, locale) => {
          const grid: Grid = { values: [...header.map((r) => [...r]), ...body], merges, numberFormats };
          const result = checkSheet(grid, { asOf, locale });
          for (const issue of result.issues) {
            expect(issue.message.length).toBeGreaterThan(0);
            expect(issue.cell).toMatch(/^[A-Z]+\d+$/);
          }
          for (const row of result.rows) {
            if (row.achievementRate !== null) expect(Number.isFinite(row.achievementRate)).toBe(true);
          }
        },
      ),
      { seed: SEED, numRuns: 300 * SCALE },
    );
  });
});

describe('readNumber round-trips formatted integers', () => {
  /** 1234567 → "1,234,567" (the separators Excel and officials write). */
  const withSeparators = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  const integer = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  /** −0 and 0 are the same figure to a person. */
  const plain = (x: number) => x + 0;

  test('thousands separators and an optional △/▲ prefix (with or without a space) read back as the number', () => {
    fc.assert(
      fc.property(integer, fc.constantFrom('', '△', '▲', '△ ', '▲ '), (n, prefix) => {
        const r = readNumber(prefix + withSeparators(n));
        expect(r).toMatchObject({ kind: 'number', unit: null, note: null, variant: false });
        expect(plain((r as { value: number }).value)).toBe(plain(prefix ? -n : n));
      }),
      { seed: SEED, numRuns: 1000 * SCALE },
    );
  });

  test('the same in full-width digits reads back as the number, as a variant', () => {
    const toFullWidth = (s: string) => s.replace(/[0-9,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(integer, fc.constantFrom('', '△'), (n, prefix) => {
        const r = readNumber(prefix + toFullWidth(withSeparators(n)));
        expect(r.kind).toBe('number');
        expect(plain((r as { value: number }).value)).toBe(plain(prefix ? -n : n));
        expect((r as { variant: boolean }).variant).toBe(true);
      }),
      { seed: SEED, numRuns: 500 * SCALE },
    );
  });

  test('with a unit: formatted integer + 円 / 千円 / 件 keeps the unit', () => {
    fc.assert(
      fc.property(integer, fc.constantFrom('円', '千円', '件', '人', '時間'), (n, unit) => {
        const r = readNumber(withSeparators(n) + unit);
        expect(r).toEqual({ kind: 'number', value: n, unit, note: null, variant: false });
      }),
      { seed: SEED, numRuns: 500 * SCALE },
    );
  });
});

describe('counterexamples the properties found, kept', () => {
  test('NaN under a date format above the header (a whole header row merged) names no date: no RangeError', () => {
    const grid: Grid = {
      values: [['項 目', '担当部局', '1/4四半期（4月から6月）', '2/4四半期（7月から9月）'], [Number.NaN], ['平成31年度', '項 目']],
      merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      numberFormats: [[], ['General']],
    };
    expect(() => checkSheet(grid, { asOf: '2024-03-31', locale: 'ja' })).not.toThrow();
    const dated: Grid = { values: [[Number.NaN], [1e300], ['項目', '担当課', '第1四半期'], ['窓口', '総務課', '']], numberFormats: [['yyyy/m/d'], ['yyyy/m/d']] };
    expect(checkSheet(dated, { asOf: '2025-10-15' }).fiscalYearSource).not.toBe('title');
  });

  test('a number in a title row formatted General is no date (「General」 holds "ge", the era code, in another case)', () => {
    const grid: Grid = { values: [['進行管理票', 45000], ['項目', '担当課', '第1四半期'], ['窓口', '総務課', '']], numberFormats: [[null, 'General']] };
    // read as a date serial, 45000 would be 2023-03-15 and the year 令和4年度
    expect(checkSheet(grid, { asOf: '2025-10-15' })).toMatchObject({ fiscalYear: 2025, fiscalYearSource: 'as-of' });
  });
});
