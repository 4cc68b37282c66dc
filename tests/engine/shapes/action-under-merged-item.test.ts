/**
 * An item merged over several rows with an action column beside it (大崎町 総合戦略: 具体的な施策
 * over 具体的な取組み rows): each row is an action, and a row with content but no action is
 * required-missing; an action merged down (B4:B5) is present on every row it spans.
 */
import { check, grid, issues } from './grid';

const header = ['具体的な施策', '具体的な取組み', 'KPI(平成 32 年3月まで)', 'KPI(平成 27 年度)', '達成率'];

test('a blank action under a merged item is required-missing; merged and filled actions are not', () => {
  const result = check(
    grid(
      [
        header,
        ['新たな産業の創出', '', '企業立地協定締結件数 10 件', '企業立地協定締結件数 1 件', '10.0%'],
        ['', '新規創業・起業者に対する支援', 'ワンストップ窓口利用件数 50 件', 'ワンストップ窓口利用件数 0 件', '0.0%'],
        ['', '', '新規創業・起業件数 10 件', '新規創業・起業件数 1 件', '10.0%'],
        ['安定した農業生産体制の確立', '新規就農者の確保', '新規認定農業者数 10 人', '新規認定農業者数 12 人', '120.0%'],
      ],
      ['A2:A4', 'B3:B4'],
    ),
    '2016-06-01',
  );
  expect(result.template).toBe('generic');
  expect(issues(result, ['required-missing'])).toEqual(['B2 required-missing']);
  expect(result.issues.find((i) => i.cell === 'B2')?.params.messageId).toBe('required-missing.action');
});

test('an item on one row only keeps the action optional', () => {
  const result = check(
    grid([header, ['新たな産業の創出', '', '企業立地協定締結件数 10 件', '企業立地協定締結件数 1 件', '10.0%']]),
    '2016-06-01',
  );
  expect(issues(result, ['required-missing'])).toEqual([]);
});
