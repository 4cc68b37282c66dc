/**
 * Carry-down (design.md §3): a blank group cell takes the value above; a lower group level is
 * reset only when its parent's value changes, not on every row a merged parent spans.
 */
import { parseConfig } from '../../../src/engine';
import { check, grid, issues } from './grid';

// actions under a 取組項目 under a 体系; the 取組項目 is required (after carry-down)
const config = parseConfig(
  {
    profiles: [
      {
        id: 'actions-under-items',
        name: { ja: '体系・取組項目・具体的な取組', en: 'Sections, items and actions' },
        columns: [
          { field: 'section', terms: ['section'] },
          { field: 'item', terms: ['item'] },
          { field: 'action', terms: ['action'] },
          { field: 'department', terms: ['department'] },
        ],
        unit: 'action',
        carryDown: ['section', 'item'],
        required: ['item', 'action', 'department'],
      },
    ],
  },
  'test',
);

test('a 体系 merged over four rows keeps the 取組項目 carried down under it', () => {
  const g = grid(
    [
      ['体系', '取組項目', '具体的な取組', '担当課'],
      ['1 市民との協働', '①情報提供の充実', 'ホームページの改善', '広報課'],
      ['', '', 'SNSの活用', '広報課'],
      ['', '②市民参画', '審議会の公募委員', '総務課'],
      ['', '', 'パブリックコメント', '総務課'],
    ],
    ['A2:A5'],
  );
  const result = check(g, '2025-10-15', { config });
  expect(result.template).toBe('actions-under-items');
  expect(result.rows.map((r) => r.item)).toEqual(['①情報提供の充実', '①情報提供の充実', '②市民参画', '②市民参画']);
  expect(issues(result)).toEqual([]);
});

test('a new 体系 resets the 取組項目: a blank one under it is missing', () => {
  const g = grid(
    [
      ['体系', '取組項目', '具体的な取組', '担当課'],
      ['1 市民との協働', '①情報提供の充実', 'ホームページの改善', '広報課'],
      ['', '', 'SNSの活用', '広報課'],
      ['2 行政運営', '', '窓口の改善', '市民課'],
      ['', '', '電子申請', '情報課'],
    ],
    ['A2:A3', 'A4:A5'],
  );
  const result = check(g, '2025-10-15', { config });
  expect(result.rows.map((r) => r.item)).toEqual(['①情報提供の充実', '①情報提供の充実', null, null]);
  expect(issues(result)).toEqual(['B4 required-missing', 'B5 required-missing']);
});

test('a 体系 repeated on every row (no merge) is no change either', () => {
  const g = grid([
    ['体系', '取組項目', '具体的な取組', '担当課'],
    ['1 市民との協働', '①情報提供の充実', 'ホームページの改善', '広報課'],
    ['1 市民との協働', '', 'SNSの活用', '広報課'],
  ]);
  expect(issues(check(g, '2025-10-15', { config }))).toEqual([]);
});
