/**
 * Transposed tables (years across, rows 計画 / 実績 / 達成率 per indicator) are not read: the
 * product reads one row per item. They are reported as unrecognized, with a message that says
 * why, never checked as if the years were result columns and never passed silently.
 */
import { check, grid, issues } from './grid';

test('years across and 計画額 / 実績額 / 達成率 down: unrecognized-layout, transposed', () => {
  const g = grid([
    ['行政改革 効果額の推移'],
    ['①職員数の適正化（人事課）'],
    ['年度', 'H23', 'H24', 'H25', 'H26', 'H27'],
    ['計画額', 100, 120, 140, 160, 180],
    ['実績額', 90, 125, 130, '', ''],
    ['達成率', '90%', '104%', '93%', '', ''],
  ]);
  const result = check(g);
  expect(result.template).toBeNull();
  expect(result.status).toBe('unrecognized');
  expect(result.unrecognized).toMatchObject({ headerRow: 3, transposed: true });
  expect(issues(result)).toEqual(['A3 unrecognized-layout']);
  expect(result.issues[0].severity).toBe('warning');
  expect(result.issues[0].message).toContain('転置');
  expect(result.rows).toEqual([]);
});
