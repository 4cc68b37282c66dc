/**
 * required-missing on an indicator's name (長与町): a KPI row with figures but no 数値目標 belongs
 * to nothing a person can name. Rows with no figures, paired 目標/実績 rows and a name column that
 * is also read as the target are left alone.
 */
import { ruleTester } from './ruleTester';

const header = ['施策', '数値目標', '単位', '基準値', '目標値', '現在値\n(令和元年度)', '評価', '担当課'];

ruleTester('required-missing', {
  valid: [
    {
      name: 'every indicator named',
      header,
      rows: [
        ['1-1 子育て支援の充実', '待機児童数', '人', 32, 0, 7, 'A', 'こども課'],
        ['1-1 子育て支援の充実', '保育所定員数', '人', 18500, 20000, 21320, 'S', 'こども課'],
      ],
      asOf: '2020-06-01',
    },
    {
      name: 'a row with no figures and no name is no indicator',
      header,
      rows: [
        ['1-1 子育て支援の充実', '待機児童数', '人', 32, 0, 7, 'A', 'こども課'],
        ['1-2 子育て相談', '', '', '', '', '', '', 'こども課'],
      ],
      asOf: '2020-06-01',
    },
  ],
  invalid: [
    {
      name: 'figures without 数値目標 under a merged 施策',
      header,
      rows: [
        ['1-1 子育て支援の充実', '待機児童数', '人', 32, 0, 7, 'A', 'こども課'],
        // a 施策 merged over both rows shows its value on each
        ['1-1 子育て支援の充実', '', '人', 18500, 20000, 21320, 'S', 'こども課'],
      ],
      asOf: '2020-06-01',
      errors: [{ cell: 'B3', code: 'required-missing', messageId: 'required-missing.field', field: 'kpi.name' }],
    },
  ],
});
