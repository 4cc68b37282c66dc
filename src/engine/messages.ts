import type { IssueCode, Locale, Severity } from './types';

/**
 * The issue catalogue (design.md §7) and its messages, by id, as data: each message says what is
 * wrong and what to do. `{{name}}` placeholders are filled from the issue's params.
 */
export const SEVERITY: Record<IssueCode, Severity> = {
  'required-missing': 'error',
  'missing-entry': 'error',
  'invalid-number': 'error',
  'invalid-evaluation': 'error',
  'formula-error': 'error',
  'duplicate-id': 'error',
  'grade-mismatch': 'warning',
  'computed-mismatch': 'warning',
  'normalized-value': 'info',
  'unknown-department': 'info',
  'unrecognized-layout': 'warning',
};

type Catalogue = Record<string, { code: IssueCode; ja: string; en: string }>;

export const MESSAGES = {
  'required-missing.item': {
    code: 'required-missing',
    ja: '{{label}}が空欄です。取組項目の名称を入力してください。',
    en: '{{label}} is empty. Enter the name of the initiative.',
  },
  'required-missing.action': {
    code: 'required-missing',
    ja: '{{label}}が空欄です。具体的な取組の内容を入力してください。',
    en: '{{label}} is empty. Enter the concrete action.',
  },
  'required-missing.department': {
    code: 'required-missing',
    ja: '{{label}}が空欄です。担当課の名称を入力してください（複数の場合は主担当に★）。',
    en: '{{label}} is empty. Enter the department in charge (mark the lead with ★ if several).',
  },
  'required-missing.field': {
    code: 'required-missing',
    ja: '{{label}}が空欄です。入力してください。',
    en: '{{label}} is empty. Please fill it in.',
  },
  'missing-entry.result': {
    code: 'missing-entry',
    ja: '{{label}}の実績が未入力です。実績を入力してください（該当がなければ「－」）。',
    en: 'The result for {{label}} is missing. Enter it (or "-" if there is nothing to report).',
  },
  'missing-entry.labelled': {
    code: 'missing-entry',
    ja: '{{label}}が未入力です。実績を入力してください（該当がなければ「－」）。',
    en: '{{label}} is missing. Enter the result (or "-" if there is nothing to report).',
  },
  'missing-entry.actual': {
    code: 'missing-entry',
    ja: '{{year}}の実績値（{{kpi}}）が未入力です。実績値を入力してください（該当がなければ「－」）。',
    en: 'The {{year}} actual for "{{kpi}}" is missing. Enter it (or "-" if not applicable).',
  },
  'missing-entry.evaluation': {
    code: 'missing-entry',
    ja: '{{label}}が未入力です。実績に対する評価（{{scale}}）を入力してください。',
    en: '{{label}} is missing. Enter the self-evaluation ({{scale}}) for the result.',
  },
  'invalid-number': {
    code: 'invalid-number',
    ja: '{{label}}の「{{value}}」を数値として読めません。数値で入力してください（例: 1,234件、△500千円、85%）。',
    en: '"{{value}}" in {{label}} is not a number. Enter a number (e.g. 1,234, △500, 85%).',
  },
  'invalid-evaluation': {
    code: 'invalid-evaluation',
    ja: '評価「{{value}}」はこの表の評価（{{scale}}）にありません。{{scale}}のいずれかを入力してください。',
    en: 'The evaluation "{{value}}" is not on this sheet\'s scale ({{scale}}). Enter one of {{scale}}.',
  },
  'formula-error': {
    code: 'formula-error',
    ja: 'セルがエラー（{{value}}）です。数式と参照先を確認し、正しい値が表示されるよう修正してください。',
    en: 'The cell shows an error ({{value}}). Check the formula and its references.',
  },
  'duplicate-id': {
    code: 'duplicate-id',
    ja: 'No.{{id}} が {{other}} と重複しています。番号を確認してください。',
    en: 'No. {{id}} is also used at {{other}}. Check the numbering.',
  },
  'grade-mismatch': {
    code: 'grade-mismatch',
    ja: '自己評価「{{self}}」が、達成率 {{rate}} からの算定評価「{{grade}}」と異なります。評価の根拠を確認してください。',
    en: 'The self-evaluation "{{self}}" differs from the grade "{{grade}}" computed from the rate {{rate}}. Check the reason.',
  },
  // one per formula (RateBasis): the figures named, so that the person sees which cells to compare
  'computed-mismatch': {
    code: 'computed-mismatch',
    ja: '記入された達成率 {{written}} が、目標 {{target}}・実績 {{actual}} から計算した {{computed}} と異なります。数値または計算式を確認してください。',
    en: 'The achievement rate written here ({{written}}) differs from {{computed}} computed from the target {{target}} and the actual {{actual}}. Check the figures.',
  },
  'computed-mismatch.progress': {
    code: 'computed-mismatch',
    ja: '記入された達成率 {{written}} が、基準値 {{baseline}}・目標 {{target}}・実績 {{actual}} から計算した {{computed}} と異なります。数値または計算式を確認してください。',
    en: 'The achievement rate written here ({{written}}) differs from {{computed}} computed from the baseline {{baseline}}, the target {{target}} and the actual {{actual}}. Check the figures.',
  },
  'computed-mismatch.totals': {
    code: 'computed-mismatch',
    ja: '記入された達成率 {{written}} が、目標の合計 {{target}}・実績の合計 {{actual}} から計算した {{computed}} と異なります。数値または計算式を確認してください。',
    en: 'The achievement rate written here ({{written}}) differs from {{computed}} computed from the target total {{target}} and the actual total {{actual}}. Check the figures.',
  },
  'computed-mismatch.cumulative': {
    code: 'computed-mismatch',
    ja: '記入された達成率 {{written}} が、目標 {{target}}・累計 {{actual}} から計算した {{computed}} と異なります。数値または計算式を確認してください。',
    en: 'The achievement rate written here ({{written}}) differs from {{computed}} computed from the target {{target}} and the cumulative actual {{actual}}. Check the figures.',
  },
  'computed-mismatch.latest-year': {
    code: 'computed-mismatch',
    ja: '記入された達成率 {{written}} が、{{year}}の目標 {{target}}・実績 {{actual}} から計算した {{computed}} と異なります。数値または計算式を確認してください。',
    en: 'The achievement rate written here ({{written}}) differs from {{computed}} computed from the {{year}} target {{target}} and actual {{actual}}. Check the figures.',
  },
  'normalized-value.symbol': {
    code: 'normalized-value',
    ja: '「{{value}}」を評価記号「{{normalized}}」として読みました（修正は不要です）。',
    en: 'Read "{{value}}" as the evaluation symbol "{{normalized}}" (no change needed).',
  },
  'normalized-value.letter': {
    code: 'normalized-value',
    ja: '「{{value}}」を評価「{{normalized}}」として読みました（修正は不要です）。',
    en: 'Read "{{value}}" as the grade "{{normalized}}" (no change needed).',
  },
  'normalized-value.digits': {
    code: 'normalized-value',
    ja: '全角の「{{value}}」を数値 {{normalized}} として読みました（修正は不要です）。',
    en: 'Read the full-width "{{value}}" as the number {{normalized}} (no change needed).',
  },
  'normalized-value.department': {
    code: 'normalized-value',
    ja: '担当課「{{value}}」を一覧の「{{normalized}}」として読みました（修正は不要です）。',
    en: 'Read the department "{{value}}" as "{{normalized}}" from the list (no change needed).',
  },
  'unknown-department': {
    code: 'unknown-department',
    ja: '担当課「{{value}}」は設定の課名一覧にありません。課名の誤りがないか確認してください。',
    en: 'The department "{{value}}" is not in the configured list. Check the spelling.',
  },
  'unrecognized-layout': {
    code: 'unrecognized-layout',
    ja:
      'この表はどのテンプレートにも当てはまらないため、チェックしていません。最も近いのは「{{closest}}」（一致度 {{score}}）、' +
      '見つからない列: {{missing}}。見出し: {{headers}}。`progress-sheet profile <ファイル>` でテンプレート案を作り、確かめて ' +
      '`--config` で指定してください。',
    en:
      'This table fits no template, so it was not checked. Closest: "{{closestEn}}" (score {{score}}); columns not found: ' +
      '{{missingEn}}. Headers: {{headers}}. Run `progress-sheet profile <file>` to propose a profile, review it and pass it with `--config`.',
  },
  'unrecognized-layout.another-table': {
    code: 'unrecognized-layout',
    ja: '{{row}}行目からの表（{{labels}}）は上の表とは別の表のため、確認していません。確認するには、その表を別のシートに移してください。',
    en: 'The table from row {{row}} ({{labels}}) is another table than the one above and was not checked. To check it, move it to a sheet of its own.',
  },
  'unrecognized-layout.cards': {
    code: 'unrecognized-layout',
    ja:
      'このシートは 1 件ごとのカード（「{{label}}」の行が {{count}} 回くり返す様式）のため、チェックしていません（見出し: {{headers}}）。' +
      '取組ごとに 1 行（列に担当課・目標・実績・評価）の一覧にしてください。',
    en:
      'This sheet is a set of cards, one per item (the "{{label}}" line repeats {{count}} times), which is not read, so it was not checked ' +
      '(headers: {{headers}}). Lay it out as a list with one row per item (columns for department, target, actual, evaluation).',
  },
  'unrecognized-layout.transposed': {
    code: 'unrecognized-layout',
    ja:
      'この表は年度が横に並び、行が計画・実績・達成率などの転置した表のため、チェックしていません（見出し: {{headers}}）。' +
      '取組ごとに 1 行（列に担当課・目標・実績・評価）の様式に直すか、`progress-sheet profile <ファイル>` で作ったテンプレートを ' +
      '`--config` で指定してください。',
    en:
      'This table is transposed (years across, rows such as plan / actual / rate), which is not read, so it was not checked ' +
      '(headers: {{headers}}). Lay it out with one row per item, or pass a profile made with `progress-sheet profile <file>` via `--config`.',
  },
} satisfies Catalogue;

export type MessageId = keyof typeof MESSAGES;

/** Fill a message's placeholders in the requested locale. */
export function renderMessage(id: MessageId, params: Record<string, string | number>, locale: Locale = 'ja'): string {
  // a template is split into text and placeholder names once, not scanned again per issue
  const byId = compiled[locale];
  let parts = byId.get(id);
  if (!parts) {
    parts = MESSAGES[id][locale].split(/\{\{(\w+)\}\}/);
    byId.set(id, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in params ? String(params[name]) : `{{${name}}}`) + parts[i + 1];
  }
  return out;
}

/** Templates as [text, name, text, name, text…], per locale. */
const compiled: Record<Locale, Map<MessageId, string[]>> = { ja: new Map(), en: new Map() };

/** A figure as a message shows it: 4533 → "4,533", 0.25 → "0.25". */
export function formatFigure(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** Rate as people read it: 0.9124 → "91.24%". */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}
