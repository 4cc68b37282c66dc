/**
 * The header vocabulary (src/engine/profiles/vocabulary.ts): data checked by a schema, labels
 * matched after normalisation, ambiguous labels settled the way sheets use them, period tokens
 * read as quarters and years.
 */
import { BUILTIN_PROFILES, parseConfig, parseProfile } from '../../../src/engine';
import { FIELDS } from '../../../src/engine/profiles/fields';
import { periodToken, termHits } from '../../../src/engine/profiles/match';
import { TERM_IDS, VOCABULARY } from '../../../src/engine/profiles/vocabulary';
import { vocabularySchema } from '../../../src/engine/profiles/vocabularySchema';
import { normalizeLabel } from '../../../src/engine/read/text';

const terms = (label: string) => termHits(normalizeLabel(label)).map((h) => h.term);
const first = (label: string) => terms(label)[0];
const hit = (label: string, term: string) => termHits(normalizeLabel(label)).find((h) => h.term === term);

describe('the vocabulary as data', () => {
  test('validates against its schema, with unique terms and canonical fields', () => {
    expect(vocabularySchema.safeParse(VOCABULARY).success).toBe(true);
    expect(new Set(VOCABULARY.map((t) => t.term)).size).toBe(VOCABULARY.length);
    for (const t of VOCABULARY) expect(FIELDS).toContain(t.field);
  });

  test('a duplicated term or an unsafe pattern is refused when the vocabulary is read', () => {
    const entry = { term: 'x', field: 'item', labels: ['x'] };
    expect(vocabularySchema.safeParse([entry, entry]).success).toBe(false);
    expect(vocabularySchema.safeParse([{ ...entry, patterns: ['(a+)+$'] }]).success).toBe(false);
  });

  test('every label of every term is recognised as written, with spaces, line breaks and full-width forms', () => {
    for (const t of VOCABULARY) {
      for (const label of t.labels) {
        expect(terms(label)).toContain(t.term);
        // 担 当 課, 担当\n課, ＫＰＩ: what people type in header cells
        const spaced = [...label].join(' ');
        expect(terms(spaced)).toContain(t.term);
      }
    }
    expect(first('ＮＯ．')).toBe('id');
    expect(first('項　目')).toBe('item.broad');
  });

  test('the labels issue 7 asks for are there', () => {
    const expected: Record<string, string[]> = {
      department: ['担当課', '担当部局', '担当部署', '主たる担当課', '主管課', '取組担当課', '所管課', '所管部署', '担当', '所属', '実施主体', '課名', '担当課・担当係', '担当課・係', '主管組織'],
      item: ['取組項目', '項目名', '取組名', '取組事項', '実施項目', '改革項目', '行動計画項目', '事業名', '施策名', '実施内容プログラム', 'プログラム名'],
      'item.broad': ['項目', '取組', '重点改革項目'],
      'item.indicator': ['数値目標', '重要業績評価指標（KPI）', '指標名'],
      action: ['具体的な取組', '具体的取組', '取組内容', '取組概要', '実施内容', '行動計画'],
      section: ['体系', '視点', '大分類', '基本方針', '基本目標', '重点項目', '分野', '施策の柱'],
      'kpi.baseline': ['基準値', '現状値', '策定時', '計画策定時', '基準年度'],
      'kpi.target': ['目標値', '目標', '最終目標', '期末目標値（H20）', '計画期末目標'],
      'kpi.actual': ['実績値', '現在値', '現在'],
      rate: ['達成率', '達成度（％）', '進捗率'],
      evaluation: ['評価', '自己評価', '担当課の評価', '達成度', '実施状況評価', '進捗度', '総合評価', '全体評価', '判定'],
      id: ['No', 'No.', '番号', '通番', '項番', '整理番号', '管理番号'],
      'kpi.unit': ['単位'],
      note: ['備考'],
    };
    for (const [term, labels] of Object.entries(expected)) {
      for (const label of labels) expect({ label, terms: terms(label) }).toEqual({ label, terms: expect.arrayContaining([term]) });
    }
  });
});

describe('labels that could be read two ways', () => {
  test('担当課の評価 is an evaluation, never the department', () => {
    expect(terms('担当課の評価')).toContain('evaluation');
    expect(terms('担当課の評価')).not.toContain('department');
  });

  test('取組内容(実績) is a result; 取組内容 alone is the action', () => {
    expect(terms('取組内容（実績）')).toContain('year.result');
    expect(terms('取組内容（実績）')).not.toContain('action');
    expect(first('取組内容')).toBe('action');
  });

  test('達成度(%) is a rate, 達成度 an evaluation', () => {
    expect(terms('達成度(%)')).toContain('rate');
    expect(terms('達成度')).toContain('evaluation');
    expect(terms('達成度')).not.toContain('rate');
  });

  test('a trailing bracket is tried without it: 担当課（主管）, 基準値（2024）', () => {
    expect(terms('担当課（主管）')).toContain('department');
    expect(terms('基準値（2024）')).toContain('kpi.baseline');
  });
});

describe('labels set off in brackets (第二次行政改革大綱)', () => {
  test('【達成度】 is 達成度; 【実施状況】（着手の状況） is 実施状況', () => {
    expect(first('【達成度】')).toBe('evaluation');
    expect(terms('【実施状況】（着手の状況）')).toContain('year.result');
  });
});

describe('who writes the sheet and who helps (白老町 進捗管理表)', () => {
  test('調整部署 is the department; 推進部署 and 協力部署 are related departments', () => {
    expect(first('調整部署')).toBe('department');
    expect(first('調整課')).toBe('department');
    expect(first('推進部署')).toBe('related');
    expect(first('協力部署')).toBe('related');
    // 推進課 stays a department's own label
    expect(first('推進課')).toBe('department');
  });
});

describe('period tokens', () => {
  const token = (label: string, term: string) => {
    const h = hit(label, term);
    const kind = term === 'quarter' || term === 'half' ? 'quarter' : 'year';
    return h ? periodToken(kind, h.token, h.matched) : undefined;
  };

  test('quarters: numbers, start months, half years', () => {
    expect(token('第1四半期', 'quarter')).toBe('1');
    expect(token('2/4四半期（7月から9月）', 'quarter')).toBe('2');
    expect(token('Q3', 'quarter')).toBe('3');
    expect(token('4～6月', 'quarter')).toBe('1');
    expect(token('7月～9月', 'quarter')).toBe('2');
    expect(token('10～12月', 'quarter')).toBe('3');
    expect(token('1月～3月', 'quarter')).toBe('4');
    expect(token('上期', 'half')).toBe('2');
    expect(token('上半期', 'half')).toBe('2');
    expect(token('下半期', 'half')).toBe('4');
    // reporting points (白老町): the interim report is the first half's
    expect(token('中間報告（10月）', 'half')).toBe('2');
    // the half named after its year (八幡浜市): 平成24年度上半期（4月～9月）の取組状況
    expect(token('平成24年度上半期（4月～9月）の取組状況', 'half')).toBe('2');
    expect(token('R5下期', 'half')).toBe('4');
    expect(token('中間実績', 'half')).toBe('2');
  });

  test('reporting points: 取組結果報告（3月） is the year’s result; 取組計画（4月） a plan', () => {
    expect(terms('取組結果報告（3月）')).toContain('year.result');
    expect(token('令和3年度取組結果報告（3月）', 'year.result')).toBe('令和3年度');
    expect(terms('年度末報告')).toContain('year.result');
    expect(terms('令和3年度取組計画（4月）')).toContain('year.plan');
  });

  test('what was done that year, the year written first: 令和2年度の実施内容 and 平成25年度取組内容 are the year’s result (鴨川市, 坂井市)', () => {
    expect(token('令和2年度の実施内容', 'year.result')).toBe('令和2年度');
    expect(token('平成25年度取組内容', 'year.result')).toBe('平成25年度');
    // without the year it is the action, not a report
    expect(terms('実施内容')).not.toContain('year.result');
  });

  test('取組 with its okurigana is 取組: 取組み状況 and 取り組み状況 are the year’s report, 取り組み項目 the item (郡上市)', () => {
    expect(terms('取組み状況')).toEqual(terms('取組状況'));
    expect(terms('取り組み状況')).toEqual(terms('取組状況'));
    expect(terms('取り組み項目')).toContain('item');
    // asked twice (the pattern must not keep a position between labels)
    expect(terms('取組み状況')).toEqual(terms('取組状況'));
  });

  test('財政的効果（円） is the effect, as 財政効果額（千円） is (鴨川市)', () => {
    expect(terms('財政的効果（円）')).toContain('effect');
    expect(terms('財政効果額（千円）')).toContain('effect');
  });

  test('years: era, western, and bare numbers under a group header', () => {
    expect(token('令和6年度実績', 'year.result')).toBe('令和6年度');
    expect(token('R6実績', 'year.result')).toBe('R6');
    expect(token('2024年度実績', 'year.result')).toBe('2024年度');
    expect(token('令和6年度', 'year.value')).toBe('令和6年度');
    expect(token('H29', 'year.value')).toBe('H29');
    expect(token('実績6', 'year.result')).toBe('R6');
    expect(token('実績29', 'year.result')).toBe('H29');
    expect(token('スケジュール2024', 'schedule')).toBe('2024');
    expect(token('令和6年度計画', 'year.plan')).toBe('令和6年度');
  });
});

describe('profiles name vocabulary terms', () => {
  test('every built-in profile refers to terms that exist; the generic profile is the catch-all', () => {
    for (const p of BUILTIN_PROFILES) for (const spec of p.columns) for (const t of spec.terms) expect(TERM_IDS.has(t)).toBe(true);
    const generic = BUILTIN_PROFILES.find((p) => p.id === 'generic');
    expect(generic).toMatchObject({ fallback: true, detect: { all: ['item'] } });
  });

  test('a profile may use terms instead of labels; an unknown term or a column with neither is refused', () => {
    const base = { id: 'x', name: { ja: 'x', en: 'x' } };
    expect(() =>
      parseProfile({ ...base, columns: [{ field: 'item', terms: ['item'] }, { field: 'department', terms: ['department'] }] }, 't'),
    ).not.toThrow();
    expect(() => parseProfile({ ...base, columns: [{ field: 'item', terms: ['no-such-term'] }, { field: 'department', labels: ['^課$'] }] }, 't')).toThrow(
      /語彙にない term/,
    );
    expect(() => parseConfig({ profiles: [{ ...base, columns: [{ field: 'item' }, { field: 'department', labels: ['^課$'] }] }] }, 't')).toThrow(
      /labels か terms/,
    );
  });
});
