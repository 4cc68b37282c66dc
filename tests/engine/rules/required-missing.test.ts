/** required-missing: an identity field (item after carry-down, action, department) is empty. */
import { HEADERS, ruleTester } from './ruleTester';

const Q = HEADERS.quarterly;

ruleTester('required-missing', {
  valid: [
    { name: 'item and department filled', template: 'quarterly', header: Q, rows: [['1 窓口のデジタル化', '総務課', '実施', '実施', '', '']] },
    {
      name: 'a section row (■…) between items is no item',
      template: 'quarterly',
      header: Q,
      rows: [['■ 行政運営の効率化'], ['1 窓口のデジタル化', '総務課', '実施', '実施', '', '']],
    },
    {
      name: 'a section row with a second cell (【1】行政運営… | （5項目）) is no item',
      template: 'quarterly',
      header: Q,
      rows: [['【1】行政運営の効率化', '', '', '', '', '（5項目）'], ['1 窓口のデジタル化', '総務課', '実施', '実施', '', '']],
    },
    {
      name: 'a long description alone in the first column heads the items below',
      template: 'quarterly',
      header: Q,
      rows: [['人口減少と厳しい財政状況の中、限られた経営資源を最大限に活用し、効率的かつ効果的な行政運営を行うため、業務の見直しとデジタル技術の活用を進めるとともに、職員の意識改革を図ります。'], ['1 窓口のデジタル化', '総務課', '実施', '実施', '', '']],
    },
    {
      name: 'note rows (※, 注) and a legend row below the table are no items',
      template: 'quarterly',
      header: Q,
      rows: [['1 窓口のデジタル化', '総務課', '実施', '実施', '', '']],
      below: [['※ 第3・第4四半期は次回報告'], ['注1）担当課は主担当を先に記載'], ['評価', 'S：計画以上', 'A：計画どおり', 'B：やや遅れ']],
    },
    {
      name: 'a 合計 row with figures is no item',
      template: 'kpi-baseline-target',
      header: HEADERS.kpi,
      rows: [
        [1, '窓口のデジタル化', '電子申請件数', 100, 200, 150, '総務課', '', ''],
        ['', '合計', '', 100, 200, 150, '', '', ''],
      ],
    },
    {
      name: 'a repeated header row (page break) is no item',
      template: 'quarterly',
      header: Q,
      rows: [['1 窓口のデジタル化', '総務課', '実施', '実施', '', ''], Q, ['2 電子申請', '財政課', '実施', '実施', '', '']],
    },
    {
      name: 'a blank 取組項目 on a continuation row is carried down from above',
      template: 'plan-result-evaluation',
      header: HEADERS.plan,
      rows: [
        ['行政運営', '業務の見直し', '窓口の見直し', '総務課', '実施', '実施', '○'],
        ['', '', '電子申請の拡大', '財政課', '実施', '実施', '○'],
      ],
    },
  ],
  invalid: [
    {
      name: 'an empty department',
      template: 'quarterly',
      header: Q,
      rows: [['1 窓口のデジタル化', '', '実施', '実施', '', '']],
      errors: [{ cell: 'B2', code: 'required-missing', messageId: 'required-missing.department', field: 'department' }],
    },
    {
      name: 'an empty item on a row that has other content',
      template: 'quarterly',
      header: Q,
      rows: [['', '総務課', '実施', '実施', '', '']],
      errors: [{ cell: 'A2', code: 'required-missing', messageId: 'required-missing.item', field: 'item' }],
    },
    {
      name: 'an empty 具体的な取組 where actions are the unit',
      template: 'plan-result-evaluation',
      header: HEADERS.plan,
      rows: [['行政運営', '業務の見直し', '', '総務課', '実施', '実施', '○']],
      errors: [{ cell: 'C2', code: 'required-missing', messageId: 'required-missing.action' }],
    },
    {
      name: 'white space only is empty; the department of the next item is still required',
      template: 'quarterly',
      header: Q,
      rows: [
        ['1 窓口のデジタル化', '\u3000', '実施', '実施', '', ''],
        ['2 電子申請', '', '実施', '実施', '', ''],
      ],
      errors: [
        { cell: 'B2', code: 'required-missing' },
        { cell: 'B3', code: 'required-missing' },
      ],
    },
  ],
});
