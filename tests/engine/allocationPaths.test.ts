/**
 * The engine's cheaper paths (issue 8) give what the plain ones gave: the character-by-character
 * text checks against the regular expressions they replace, flags of an unsorted issue list, and
 * the plan's result lines when issues land on rows of an earlier unit.
 */
import { checkSheet, type CellValue, type Issue } from '../../src/engine';
import { flagsOf } from '../../src/engine/plan/writePlan';
import { displayText, nfkc, normalizeLabel } from '../../src/engine/read/text';

/** The implementations before the fast paths. */
function displayTextByRegex(text: string): string {
  if (!/[\r\t\u3000]| [ \n]|\n /.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}
function normalizeLabelByRegex(text: string): string {
  return nfkc(text).replace(/\s+/g, '');
}

/** Every string of up to four characters over an alphabet of spaces, breaks and letters. */
function strings(alphabet: string[], maxLength: number): string[] {
  let level = [''];
  const all = [''];
  for (let n = 1; n <= maxLength; n++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    all.push(...level);
  }
  return all;
}

describe('text fast paths', () => {
  const alphabet = [' ', '\n', '\r', '\t', '\u3000', 'a', '語', 'ア', '１', '\u00a0', '①'];
  const samples = [...strings(alphabet, 4), '1,234件', '△ 500', '第1四半期の実績5件', 'No.12', '総務課\n(２課)', '令和7年度　実績'];

  it('displayText collapses exactly what the regular expression found', () => {
    for (const s of samples) expect([s, displayText(s)]).toEqual([s, displayTextByRegex(s)]);
  });

  it('normalizeLabel leaves plain words as they are and normalises the rest as before', () => {
    for (const s of samples) expect([s, normalizeLabel(s)]).toEqual([s, normalizeLabelByRegex(s)]);
  });
});

describe('flags', () => {
  const issue = (cell: string, row: number, column: number, severity: Issue['severity'], message: string): Issue => ({
    code: 'missing-entry',
    severity,
    cell,
    row,
    column,
    field: 'q1',
    message,
    params: {},
  });

  it('group a cell’s issues whether or not the list is sorted', () => {
    const a1 = issue('A1', 1, 1, 'info', 'first');
    const b2 = issue('B2', 2, 2, 'warning', 'second');
    const a1again = issue('A1', 1, 1, 'error', 'third');
    const expected = [
      { row: 1, column: 1, cell: 'A1', severity: 'error', note: 'first\nthird' },
      { row: 2, column: 2, cell: 'B2', severity: 'warning', note: 'second' },
    ];
    expect(flagsOf([a1, a1again, b2])).toEqual(expected);
    expect(flagsOf([a1, b2, a1again])).toEqual(expected);
  });
});

describe('streamed units', () => {
  const header = ['No.', '取組項目', '担当課', '指標', '基準値', '目標値', '実績値', '自己評価'];
  const grid = (rows: CellValue[][]) => ({ values: [header, ...rows] });

  it('a No. written twice is reported against the first one’s cell, also far apart', () => {
    const rows: CellValue[][] = [];
    for (let i = 1; i <= 300; i++) rows.push([i, `取組${i}`, '総務課', `指標${i}`, 10, 20, 15, 'A']);
    rows.push([7, '取組301', '総務課', '指標301', 10, 20, 15, 'A']);
    const check = checkSheet(grid(rows), { asOf: '2025-10-15' });
    const duplicate = check.issues.filter((i) => i.code === 'duplicate-id');
    expect(duplicate.map((i) => [i.cell, i.params.other])).toEqual([['A302', 'A8']]);
  });

  it('every item keeps its own entries and figures (no record is shared between items)', () => {
    const rows: CellValue[][] = [
      [1, '窓口', '総務課', '件数', 100, 200, 150, 'A'],
      [2, '電子申請', '財政課', '件数', 10, 20, '', ''],
      [3, '文書管理', '人事課', '割合', 0, 50, 50, 'B'],
    ];
    const check = checkSheet(grid(rows), { asOf: '2025-10-15' });
    expect(check.rows.map((r) => [r.id, r.kpis.map((k) => [k.actual, k.achievementRate]), r.entries?.map((e) => [e.key, e.cell, e.text])])).toEqual([
      ['1', [[150, 0.5]], [['kpi1:実績値', 'G2', '150'], ['evaluation', 'H2', 'A']]],
      ['2', [[null, null]], []],
      ['3', [[50, 1]], [['kpi1:実績値', 'G4', '50'], ['evaluation', 'H4', 'B']]],
    ]);
    // FNV-1a of "A"
    expect(check.rows[0].entries?.[1].digest).toBe('c40bf6cc');
    // a check that only counts, prints or summarises asks for no entries: the rest is the same
    const lean = checkSheet(grid(rows), { asOf: '2025-10-15', entries: false });
    expect(lean.rows.every((r) => !('entries' in r))).toBe(true);
    expect(lean.rows).toEqual(check.rows.map(({ entries: _entries, ...rest }) => rest));
    expect(lean.issues).toEqual(check.issues);
  });
});
