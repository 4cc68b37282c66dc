/** duplicate-id: two items share one No. in one sheet (the second one is reported). */
import { checkSheet, type CellValue } from '../../../src/engine';
import { HEADERS, ruleTester } from './ruleTester';

const K = HEADERS.kpi;
const row = (no: CellValue, item: string): CellValue[] => [no, item, '', '', '', '', '総務課', '', ''];

ruleTester('duplicate-id', {
  valid: [
    { name: '1, 2, 3', template: 'kpi-baseline-target', header: K, rows: [row(1, '窓口'), row(2, '電子申請'), row(3, '文書管理')] },
    { name: 'empty numbers are no duplicates', template: 'kpi-baseline-target', header: K, rows: [row('', '窓口'), row('', '電子申請')] },
    { name: '1-1 and 1-2 differ', template: 'kpi-baseline-target', header: K, rows: [row('1-1', '窓口'), row('1-2', '電子申請')] },
    {
      name: 'numbers from item titles (1 …, 2 …) in the quarterly form',
      template: 'quarterly',
      header: HEADERS.quarterly,
      rows: [
        ['1 窓口のデジタル化', '総務課', '実施', '実施', '', ''],
        ['2 電子申請', '財政課', '実施', '実施', '', ''],
      ],
    },
  ],
  invalid: [
    {
      name: 'No.2 twice',
      template: 'kpi-baseline-target',
      header: K,
      rows: [row(1, '窓口'), row(2, '電子申請'), row(2, '文書管理')],
      errors: [{ cell: 'A4', code: 'duplicate-id', messageId: 'duplicate-id', field: 'id' }],
    },
    {
      name: 'a section row between the two does not start a new numbering',
      template: 'kpi-baseline-target',
      header: K,
      rows: [row(1, '窓口'), ['■ 財政の健全化'], row(1, '使用料の見直し')],
      errors: [{ cell: 'A4', code: 'duplicate-id' }],
    },
    {
      name: 'full-width ３ is the same No. as 3',
      template: 'kpi-baseline-target',
      header: K,
      rows: [row(3, '窓口'), row('３', '電子申請')],
      errors: [{ cell: 'A3', code: 'duplicate-id' }],
    },
    {
      name: 'the leading number of two item titles (quarterly form)',
      template: 'quarterly',
      header: HEADERS.quarterly,
      rows: [
        ['1 窓口のデジタル化', '総務課', '実施', '実施', '', ''],
        ['1 電子申請', '財政課', '実施', '実施', '', ''],
      ],
      errors: [{ cell: 'A3', code: 'duplicate-id' }],
    },
  ],
});

describe('a No. merged down over the rows of its 具体的な取組 (群馬県)', () => {
  test('is one cell: its rows are no duplicates of each other; the same No. written again is', () => {
    const result = checkSheet(
      {
        values: [
          ['No.', '取組事項', '具体的な取組', '担当課'],
          [1, '(1) 県政情報の積極的な提供', '①県ホームページの充実', '広報課'],
          ['', '', '②SNSによる情報発信の強化', '広報課'],
          [1, '(2) 会議の公開の推進', '①審議会等の会議録の公開', '総務課'],
        ],
        merges: [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 1, bottom: 2, right: 1 },
        ],
      },
      { asOf: '2021-06-01' },
    );
    expect(result.rows).toHaveLength(3);
    expect(result.issues.filter((i) => i.code === 'duplicate-id').map((i) => i.cell)).toEqual(['A4']);
  });
});
