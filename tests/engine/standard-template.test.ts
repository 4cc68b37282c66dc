import { checkSheet, standardTemplateSheet } from '../../src/engine';

describe('the standard template the pane inserts', () => {
  test('is detected as the standard profile, its computed columns found again, title naming the year', () => {
    const sheet = standardTemplateSheet(2025);
    expect(sheet.values[0][0]).toBe('令和7年度 行財政改革 進行管理票');
    const filled = sheet.values.map((row) => [...row]);
    filled[3] = [1, '行政運営', '窓口のオンライン化', '申請様式の電子化', '市民課', '電子申請数', '件', '100件', '200件', '120件', '', '', '', '150件', '○'];
    const check = checkSheet({ values: filled }, { asOf: '2025-10-15' });
    expect(check.template).toBe('standard');
    expect(check.confidence).toBeGreaterThan(0.9);
    expect(check.fiscalYear).toBe(2025);
    expect(check.headerRows).toEqual([3]);
    // no column appended: the template has its own computed columns
    expect(check.plan.appendedColumns.map((c) => c.header)).toEqual(['チェック結果']);
    expect(check.rows[0].achievementRate).toBeCloseTo(0.5, 4);
    expect(check.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(['K4 missing-entry']);
    // the other numbered rows are unused rows of the form, not items
    expect(check.rows).toHaveLength(1);
  });
});
