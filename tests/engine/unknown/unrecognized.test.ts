/**
 * The unknown is never silent (design.md §2, §7): a sheet that looks like a table but fits no
 * profile gets one unrecognized-layout warning naming the closest template, its score, the
 * headers seen and the fields not found; a cover or instructions sheet stays quietly 対象外.
 * The profile proposed for such a table, passed back as configuration, recognises it.
 */
import { checkSheet, MESSAGES, parseConfig, SEVERITY } from '../../../src/engine';
import { proposeProfile } from '../../../src/engine/profiles/propose';
import { check, grid, issues, mapping } from '../shapes/grid';

const unknownTable = grid([
  ['令和7年度 改善運動 進み具合'],
  [],
  ['整理番号', '改善テーマ', '責任者', '上半期の成果', '下半期の成果'],
  [1, '会議資料のペーパーレス化', '総務課長', '全会議で実施', ''],
  [2, '', '財政課長', '', ''],
  [3, '電話応対の改善', '市民課長', '研修を実施', ''],
]);

describe('a table that fits no template', () => {
  test('one unrecognized-layout warning at its header: closest template, score, headers, missing fields', () => {
    const result = check(unknownTable);
    expect(result.template).toBeNull();
    expect(result.status).toBe('unrecognized');
    expect(result.rows).toEqual([]);
    expect(issues(result)).toEqual(['A3 unrecognized-layout']);
    const issue = result.issues[0];
    expect(issue.severity).toBe('warning');
    expect(SEVERITY['unrecognized-layout']).toBe('warning');
    expect(result.unrecognized).toMatchObject({
      headerRow: 3,
      headers: ['整理番号', '改善テーマ', '責任者', '上半期の成果', '下半期の成果'],
      closest: 'quarterly',
      transposed: false,
    });
    expect(result.unrecognized?.missing).toEqual(expect.arrayContaining(['item', 'department']));
    expect(issue.params).toMatchObject({ template: 'quarterly', messageId: 'unrecognized-layout' });
    expect(issue.message).toContain('四半期進捗型');
    expect(issue.message).toContain('取組項目（item）');
    expect(issue.message).toContain('整理番号｜改善テーマ');
    expect(issue.message).toContain('progress-sheet profile');
    expect(issue.message).toContain('--config');
  });

  test('in English too, by message id', () => {
    const result = checkSheet(unknownTable, { asOf: '2025-10-15', locale: 'en' });
    expect(result.issues[0].message).toMatch(/^This table fits no template/);
    expect(result.issues[0].message).toContain('Quarterly progress');
    expect(MESSAGES['unrecognized-layout'].code).toBe('unrecognized-layout');
  });

  test('the proposed profile, passed back as configuration, recognises the sheet and checks it', () => {
    const proposal = proposeProfile(unknownTable, { sheetName: '改善運動' });
    expect(proposal.headerRows).toEqual([3]);
    expect(proposal.columns.map((c) => `${c.column}:${c.field ?? '-'}`)).toEqual(['A:id', 'B:item', 'C:-', 'D:period', 'E:period']);
    const item = proposal.columns.find((c) => c.field === 'item');
    expect(item?.confidence).toBeLessThan(0.5); // a guess, said so
    expect(proposal.columns.find((c) => c.column === 'A')).toMatchObject({ confidence: 0.9 });
    const config = parseConfig(JSON.parse(JSON.stringify({ profiles: [proposal.profile] })), 'proposal');
    const result = check(unknownTable, '2025-10-15', { config });
    expect(result.status).toBe('checked');
    expect(result.template).toBe('proposed');
    expect(mapping(result)).toEqual(['A:id', 'B:item', 'D:period', 'E:period']);
    // 上半期 is due after September; 下半期 not yet; item 2 has no theme
    expect(issues(result)).toEqual(['B5 required-missing', 'D5 missing-entry']);
  });
});

describe('sheets that are no table stay quiet', () => {
  test('a cover: not-table, no issue', () => {
    const result = check(grid([[], ['令和7年度'], ['行財政改革 進捗管理表'], [], ['○○市 行革デジタル推進課']]));
    expect(result).toMatchObject({ template: null, status: 'not-table', issues: [], rows: [] });
  });

  test('instructions laid out as a table (記入要領): not-table, no issue', () => {
    const result = check(
      grid([
        ['進捗状況調書 記入要領'],
        ['項目', '記入方法', '記入例'],
        ['実績値', '年度末の値を半角で記入', '1,234'],
        ['評価', '◎○△▲×から選ぶ', '○'],
      ]),
    );
    expect(result).toMatchObject({ template: null, status: 'not-table', issues: [] });
  });

  test('a table-like sheet named 記入例 stays quiet too', () => {
    const result = checkSheet(unknownTable, { asOf: '2025-10-15', sheetName: '記入例' });
    expect(result.status).toBe('not-table');
    expect(result.issues).toEqual([]);
  });
});
