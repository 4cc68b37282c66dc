/**
 * Safe fixes (issue 10, part 4), in the manner of the RuleTester: minimal sheets, the fixes the
 * engine offers on them (cell, old value, new value, number format), and cells it must leave alone.
 */
import { type CellValue, type Fix, certainFixes, checkSheet, numberText, planFixes } from '../../src/engine';
import { HEADERS, gridOf, type RuleCase } from './rules/ruleTester';

const plan = (evaluations: CellValue[], results: CellValue[] = evaluations.map(() => '実施')): RuleCase => ({
  name: 'plan',
  template: 'plan-result-evaluation',
  header: HEADERS.plan,
  rows: evaluations.map((ev, i) => ['行政運営', '業務の見直し', `取組${i + 1}`, '総務課', '実施', results[i], ev]),
});
const kpi = (rows: [CellValue, CellValue, CellValue][]): RuleCase => ({
  name: 'kpi',
  template: 'kpi-baseline-target',
  header: HEADERS.kpi,
  rows: rows.map(([b, t, a], i) => [i + 1, `取組${i + 1}`, '電子申請件数', b, t, a, '総務課', '', 'A']),
});

function fixesOf(c: RuleCase, formats?: (string | null)[][]): Fix[] {
  const grid = gridOf(c);
  if (formats) grid.numberFormats = formats;
  return planFixes(grid, checkSheet(grid, { asOf: '2025-10-15', template: c.template }));
}
const brief = (f: Fix) => ({ cell: f.cell, oldValue: f.oldValue, newValue: f.newValue, numberFormat: f.numberFormat, optIn: f.optIn });

describe('evaluation look-alikes', () => {
  test('〇 (U+3007), ◯ (U+25EF) and ✕ become ○ and ×; ○ and × are left alone', () => {
    const fixes = fixesOf(plan(['〇', '◯', '✕', '○', '×']));
    expect(fixes.map(brief)).toEqual([
      { cell: 'G2', oldValue: '〇', newValue: '○', numberFormat: undefined, optIn: false },
      { cell: 'G3', oldValue: '◯', newValue: '○', numberFormat: undefined, optIn: false },
      { cell: 'G4', oldValue: '✕', newValue: '×', numberFormat: undefined, optIn: false },
    ]);
    expect(fixes[0].message).toBe('「〇」を「○」に直します。');
    expect(fixes[0].issue).toBe('normalized-value');
  });

  test('full-width Ａ on a letter scale becomes A; an invalid value (良) gets no fix', () => {
    const fixes = fixesOf(plan(['Ａ', 'B', 'A', '良']));
    expect(fixes.map((f) => [f.cell, f.newValue])).toEqual([['G2', 'A']]);
  });
});

describe('numbers typed as text, in numeric columns', () => {
  test('「１，２３４」, 「△500」 and 「1,234」 become numbers formatted to show as typed', () => {
    const fixes = fixesOf(kpi([['１，２３４', '△500', '1,234']]));
    expect(fixes.map(brief)).toEqual([
      { cell: 'D2', oldValue: '１，２３４', newValue: 1234, numberFormat: '#,##0', optIn: false },
      { cell: 'E2', oldValue: '△500', newValue: -500, numberFormat: '0;"△"0', optIn: false },
      { cell: 'F2', oldValue: '1,234', newValue: 1234, numberFormat: '#,##0', optIn: false },
    ]);
    expect(fixes[1].message).toBe('文字の「△500」を数値に直します（表示は「△500」）。');
  });

  test('numbers already, units, percent, 万, leading zeros and a percent-formatted cell are left alone', () => {
    const fixes = fixesOf(
      kpi([
        [1234, '1,234件', '12%'],
        ['16.5万', '007', 100],
        ['1,000', 2000, 1500],
      ]),
      // header, then rows 2–4: D4 is formatted as percent
      [[], [], [], [null, null, null, '0%', null, null]],
    );
    expect(fixes).toEqual([]);
  });

  test('decimals keep their places; ▲ keeps its sign in the format', () => {
    expect(numberText('1,234.50')).toEqual({ value: 1234.5, numberFormat: '#,##0.00', shown: '1,234.50' });
    expect(numberText('▲１，０００')).toEqual({ value: -1000, numberFormat: '#,##0;"▲"#,##0', shown: '▲1,000' });
    expect(numberText('△0')).toBeNull();
    expect(numberText('1234567890123456')).toBeNull();
  });

  test('an amount typed as text in a 財政効果額 column becomes a number; one with its unit is left alone', () => {
    const c: RuleCase = {
      name: 'effect',
      template: 'plan-result-evaluation',
      header: [...HEADERS.plan, '財政効果額'],
      rows: [
        ['行政運営', '業務の見直し', '取組1', '総務課', '実施', '実施', 'A', '△1,200'],
        ['行政運営', '業務の見直し', '取組2', '財政課', '実施', '実施', 'A', '500千円'],
      ],
    };
    // detected, not named: the layout the engine reads with its 効果額 column
    const grid = gridOf(c);
    const check = checkSheet(grid, { asOf: '2025-10-15' });
    expect(check.columns.find((col) => col.letter === 'H')?.field).toBe('effect');
    expect(planFixes(grid, check).map(brief)).toEqual([{ cell: 'H2', oldValue: '△1,200', newValue: -1200, numberFormat: '#,##0;"△"#,##0', optIn: false }]);
  });

  test('text in a column that is not numeric (指標, 担当課) is never turned into a number', () => {
    const c = kpi([[100, 200, 150]]);
    c.rows[0][2] = '1,234';
    expect(fixesOf(c)).toEqual([]);
  });
});

describe('an empty due entry filled with 「－」 only when chosen', () => {
  test('a missing result is an opt-in fix, left out of まとめて修正', () => {
    const fixes = fixesOf(plan(['○', '〇'], ['実施', '']));
    const none = fixes.find((f) => f.kind === 'none-marker')!;
    expect(brief(none)).toEqual({ cell: 'F3', oldValue: '', newValue: '－', numberFormat: undefined, optIn: true });
    expect(none.message).toBe('空欄に「－」（報告することなし）を入れます。');
    expect(certainFixes(fixes).map((f) => f.cell)).toEqual(['G3']);
  });

  test('messages in English', () => {
    const grid = gridOf(plan(['〇']));
    const fixes = planFixes(grid, checkSheet(grid, { asOf: '2025-10-15', template: 'plan-result-evaluation', locale: 'en' }), { locale: 'en' });
    expect(fixes[0].message).toBe('Change "〇" to "○".');
  });
});
