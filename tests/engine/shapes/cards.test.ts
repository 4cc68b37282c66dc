/**
 * One card per item (川崎市's 施策進行管理・評価表): a label–value line (事務事業名 | 観光振興事業 | 所管課 |
 * 経済局…) then lines of 概要, 達成度, 年度, 事業目標 and 実績, and the next card. Read as a table, the
 * first card's line is a header and every other line an item with its department "missing"; the
 * sheet is said to be cards instead, once, and left unchecked. A header repeated after a page break
 * (a label cut short) stays a header.
 */
import { check, grid, issues } from './grid';

const card = (name: string, owner: string) => [
  ['事務事業名', name, '', '', '所管課', owner],
  ['事務事業の概要', `${name}を実施する。`],
  ['達成度', 3, '', '事業の妥当性', 3],
  ['年度', '現状(計画策定時)', '2005年度', '2006年度', '2007年度'],
  ['事業目標', '計画の策定', '継続実施', '継続実施', '継続実施'],
  ['実績', '', '実施した。', '実施した。', ''],
];
const merges = (top: number) => [`B${top}:D${top}`];

describe('a sheet of cards', () => {
  const rows = [['施策進行管理・評価表(2)'], [], ...card('観光振興事業', '経済局商業観光課'), ...card('フィルムコミッション事業', '経済局商業観光課'), ...card('観光施設魅力向上事業', '経済局商業観光課')];

  test('is one warning at the first card’s line, saying what it is and what to do; nothing else', () => {
    const result = check(grid(rows, [...merges(3), ...merges(9), ...merges(15)]), '2009-06-01');
    expect(result.status).toBe('unrecognized');
    expect(issues(result)).toEqual(['A3 unrecognized-layout']);
    expect(result.issues[0].message).toContain('1 件ごとのカード（「事務事業名」の行が 3 回くり返す様式）');
    expect(result.issues[0].message).toContain('取組ごとに 1 行');
    expect(result.unrecognized?.cards).toBe(true);
  });

  test('in English', () => {
    const result = check(grid(rows), '2009-06-01', { locale: 'en' });
    expect(result.issues[0].message).toContain('This sheet is a set of cards, one per item (the "事務事業名" line repeats 3 times)');
  });
});

describe('a list whose header repeats after page breaks', () => {
  test('is still a table: the repeat (one label cut short) is a header again, not a card', () => {
    const header = ['No.', '取組項目', '指標', '基準値', '目標値', '担当課'];
    const cut = ['No.', '取組項目', '指', '基準値', '目標値', '担当課'];
    const rows = [
      ['実施計画'],
      header,
      [1, '窓口の一元化', '待ち時間（分）', 30, 15, '市民課'],
      [2, '電子申請の拡大', '電子申請率（%）', 20, 60, '情報政策課'],
      cut,
      [3, '公共施設の再編', '延床面積（㎡）', 12000, 10000, '資産経営課'],
      header,
      [4, '補助金の見直し', '見直し件数（件）', 0, 20, '財政課'],
    ];
    const result = check(grid(rows), '2025-10-15');
    expect(result.status).toBe('checked');
    expect(result.headerRows).toEqual([2, 5, 7]);
    expect(result.rows.map((r) => r.item)).toEqual(['窓口の一元化', '電子申請の拡大', '公共施設の再編', '補助金の見直し']);
  });
});
