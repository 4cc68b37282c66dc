/**
 * The label that starts each line of an item written over several rows (a 区分 column): 目標 / 計画
 * (値) or 到達目標 for the target, 実績 / 実施 (値) for the actual, and 年次計画 for a plan in words
 * that sits above them (東村山市: 年次計画 / 到達目標 / 実績). One reading for the column's
 * recognition (table/layout.ts, table/shape.ts) and the records (rows/record.ts).
 */
export type PairedRowKind = 'target' | 'actual' | 'plan';

const TARGET = /^(?:到達|数値)?(?:目標|計画)値?$/;
const ACTUAL = /^(?:実績|実施)値?$/;
const PLAN = /^(?:年次|年度|実施|取組)計画$/;

export function pairedRowKind(text: string): PairedRowKind | null {
  const t = text.trim();
  if (TARGET.test(t)) return 'target';
  if (ACTUAL.test(t)) return 'actual';
  if (PLAN.test(t)) return 'plan';
  return null;
}
