import type { z } from 'zod';
import type { periodSpecSchema } from './fieldsSchema';

/**
 * Canonical fields a column can hold (design.md §3). Shared by the vocabulary and the profiles.
 * Plain data: the zod schemas over these lists are in fieldsSchema.ts, loaded only where input a
 * person supplied is validated (start-up time: see profile.ts).
 */
export const FIELDS = [
  'id',
  'section',
  'subsection',
  'item',
  'action',
  'department',
  'period', // a quarter's or a year's entry; see `period`
  'related', // 関連する計画・制度, 管理票P and other columns kept as text
  'note', // 備考, 課題, 今後の方向性: read as text, never checked
  'schedule', // per-year schedule marks (実施計画 R1…R5, スケジュール 2024…)
  'evaluation',
  'evaluation2', // a second self-evaluation column (実施状況 and 達成度)
  'evaluation3', // a third (妥当性 | 効率性 | 有効性, the aspects of one evaluation)
  'kpi.name',
  'kpi.unit',
  'kpi.kind', // 目標 / 実績 row label of paired rows
  'kpi.baseline',
  'kpi.target',
  'kpi.actual', // one actual column (needs `period` of kind year, or stands alone)
  'kpi.value', // per-year value column of paired target/actual rows
  'kpi.total',
  'rate', // an existing 達成率 column
  'grade', // an existing 算定評価 column
  'effect', // 財政効果額
  'amount', // other money columns (予算額, 事業費（千円）, 累計歳出額): checked as amounts, never required
] as const;
export type Field = (typeof FIELDS)[number];

/** The kinds of period a column can hold. */
export const PERIOD_KINDS = ['quarter', 'year'] as const;
/** What a period column holds: a plan, a result (report text), a KPI actual or target. */
export const PERIOD_ENTRIES = ['plan', 'result', 'actual', 'target', 'value'] as const;

export type PeriodSpec = z.infer<typeof periodSpecSchema>;
