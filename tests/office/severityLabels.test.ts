import type { Issue, WritePlan } from '../../src/engine/types';
import { labelSeverities } from '../../src/hosts/office/severityLabels';

const issue = (cell: string, severity: Issue['severity'], message: string): Issue => ({
  code: 'missing-entry',
  severity,
  cell,
  row: Number(cell.slice(1)),
  column: 4,
  field: 'q2',
  message,
  params: {},
});

describe('severity in words on the sheet (plain data)', () => {
  const issues = [issue('D5', 'error', '実績が未入力です。'), issue('D5', 'warning', '評価が違います。'), issue('E6', 'info', '〇を○と読みました。')];
  const plan: WritePlan = {
    values: [
      { row: 5, column: 9, value: 'D5: 実績が未入力です。\nD5: 評価が違います。', role: 'result' },
      { row: 5, column: 8, value: 0.5, role: 'rate' },
    ],
    flags: [
      { row: 5, column: 4, cell: 'D5', severity: 'error', note: '実績が未入力です。\n評価が違います。' },
      { row: 6, column: 5, cell: 'E6', severity: 'info', note: '〇を○と読みました。' },
    ],
    appendedColumns: [],
    headerRows: [3],
  };

  test('notes and the result column say エラー / 警告 / 情報 per reason', () => {
    const out = labelSeverities(plan, issues, 'ja');
    expect(out.flags.map((f) => f.note)).toEqual(['【エラー】実績が未入力です。\n【警告】評価が違います。', '【情報】〇を○と読みました。']);
    expect(out.values[0].value).toBe('【エラー】D5: 実績が未入力です。\n【警告】D5: 評価が違います。');
    expect(out.values[1]).toBe(plan.values[1]);
  });

  test('in English', () => {
    expect(labelSeverities(plan, issues, 'en').flags[0].note).toBe('[Error] 実績が未入力です。\n[Warning] 評価が違います。');
  });
});
