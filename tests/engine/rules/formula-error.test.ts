/** formula-error: a cell of an item row, or of a total under the items, shows an Excel error value; never a number, never elsewhere. */
import { HEADERS, ruleTester } from './ruleTester';

const K = HEADERS.kpi;

ruleTester('formula-error', {
  valid: [
    { name: 'no error values', template: 'kpi-baseline-target', header: K, rows: [[1, '窓口', '件数', 100, 200, 150, '総務課', '50%', '']] },
    { name: 'text beginning with # is no error (#1 の取組)', template: 'kpi-baseline-target', header: K, rows: [[1, '#1 の取組', '件数', 100, 200, 150, '総務課', '', '']] },
    {
      name: 'an error in a title row above the table is not an item’s',
      template: 'kpi-baseline-target',
      above: [['令和7年度 進捗状況', '#REF!']],
      header: K,
      rows: [[1, '窓口', '件数', 100, 200, 150, '総務課', '', '']],
    },
    {
      name: 'an error in a note row (※…) below the table is not an item’s',
      template: 'kpi-baseline-target',
      header: K,
      rows: [[1, '窓口', '件数', 100, 200, 150, '総務課', '', '']],
      below: [['※ 集計値', '#N/A']],
    },
  ],
  invalid: [
    {
      name: '#DIV/0! in the rate column',
      template: 'kpi-baseline-target',
      header: K,
      rows: [[1, '窓口', '件数', 0, 0, 150, '総務課', '#DIV/0!', '']],
      errors: [{ cell: 'H2', code: 'formula-error', messageId: 'formula-error', field: 'rate' }],
    },
    {
      name: '#REF!, #N/A and #VALUE! anywhere on an item row (mapped column or not)',
      template: 'kpi-baseline-target',
      header: [...K, '備考'],
      rows: [[1, '窓口', '件数', '#N/A', 200, ' #VALUE! ', '総務課', '', '', '#REF!']],
      errors: [
        { cell: 'D2', code: 'formula-error', field: 'kpi.baseline' },
        { cell: 'F2', code: 'formula-error' },
        { cell: 'J2', code: 'formula-error' },
      ],
    },
    {
      // a broken total is what the reform office adds up: reported at its cell, and no item's (the
      // summary names no department for it)
      name: 'an error in the 合計 row below the items, whether the column is checked or kept as text (差引額)',
      template: 'kpi-baseline-target',
      header: [...K, '差引額'],
      rows: [
        [1, '窓口', '件数', 100, 200, 150, '総務課', '', '', 50],
        ['', '合計', '', 100, 200, 150, '', '#DIV/0!', '', '#REF!'],
      ],
      errors: [
        { cell: 'H3', code: 'formula-error', field: 'rate' },
        { cell: 'J3', code: 'formula-error', field: 'note' },
      ],
    },
  ],
});
