/**
 * On the sheet, severity must not rest on the fill alone (#FFC7CE and #FFEB9C are 1.2:1 apart, and
 * some people cannot tell them apart at all): every reason in a note and in the チェック結果 column
 * starts with its severity in words. Pure: a plan in, a plan out.
 */
import type { Issue, Locale, Severity, WritePlan } from '../../engine/types';

const LABELS: Record<Locale, Record<Severity, string>> = {
  ja: { error: '【エラー】', warning: '【警告】', info: '【情報】' },
  en: { error: '[Error] ', warning: '[Warning] ', info: '[Info] ' },
};

export function severityLabel(severity: Severity, locale: Locale = 'ja'): string {
  return LABELS[locale][severity];
}

export function labelSeverities(plan: WritePlan, issues: Issue[], locale: Locale = 'ja'): WritePlan {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) byCell.set(issue.cell, [...(byCell.get(issue.cell) ?? []), issue]);
  const resultLine = new Map<string, string>();
  for (const issue of issues) resultLine.set(`${issue.cell}: ${issue.message}`, severityLabel(issue.severity, locale));
  const label = (message: string, cell: string) => {
    const issue = byCell.get(cell)?.find((i) => i.message === message);
    return issue ? severityLabel(issue.severity, locale) + message : message;
  };
  return {
    ...plan,
    flags: plan.flags.map((flag) => ({
      ...flag,
      note: flag.note
        .split('\n')
        .map((line) => label(line, flag.cell))
        .join('\n'),
    })),
    values: plan.values.map((w) =>
      w.role === 'result' && typeof w.value === 'string'
        ? { ...w, value: w.value.split('\n').map((line) => (resultLine.get(line) ?? '') + line).join('\n') }
        : w,
    ),
  };
}
