/** duplicate-id: two items share one No. in one sheet (the second one is reported). */
import type { CellValue } from '../../../src/engine';
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
