/**
 * The summary built a sheet at a time (SummaryAccumulator, SummaryTableAccumulator) gives what the
 * whole-list functions give; and the faster counting, issue lines and widths give what the first
 * versions gave (kept here as the reference) on generated sheets with the awkward cases: items
 * sharing rows, grades off the scale, symbols, inferred departments, issues outside any item,
 * sheets no template fits, long titles with characters outside the BMP.
 */
import {
  DEFAULT_GRADE_SCALE,
  displayWidth,
  goodGradesOf,
  gradeColumns,
  issueLines,
  summarize,
  summaryTable,
  UNKNOWN_DEPARTMENT,
  type ItemResult,
  type Locale,
  type Summary,
  type SummaryInput,
} from '../../src/engine';
import { EVALUATION_SYMBOLS } from '../../src/engine/read/evaluation';
import { SummaryAccumulator } from '../../src/engine/summary';
import { SummaryTableAccumulator, type SummaryTableSheet } from '../../src/engine/summaryTable';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['総務課', '財政課', '人事課', '行革デジタル推進課', 'Ａ課', 'a課', '𠮷田課'];
const GRADES = ['S', 'A', 'B', 'C', 'D', '優', 'E', null, null];
const EVALUATIONS = [...EVALUATION_SYMBOLS, '済', null, null];
const WORDS = ['窓口', 'の', 'デジタル化', '推進', '（第2期）', '𩸽', 'and more', ' ', '😀', 'ＤＸ'];

function generate(seed: number, sheets: number): SummaryTableSheet[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const out: SummaryTableSheet[] = [];
  for (let s = 0; s < sheets; s++) {
    const rows: ItemResult[] = [];
    let row = 5;
    const count = Math.floor(r() * 30);
    for (let i = 0; i < count; i++) {
      const span = 1 + Math.floor(r() * 3);
      // now and then an item starts inside the one before it
      const start = r() < 0.1 && i > 0 ? row - 1 : row;
      const title = Array.from({ length: Math.floor(r() * 12) }, () => pick(WORDS)).join('');
      rows.push({
        row: start,
        lastRow: start + span - 1,
        id: r() < 0.8 ? String(i + 1) : null,
        item: r() < 0.7 ? title : null,
        action: r() < 0.5 ? `取組${i}` : null,
        department: r() < 0.85 ? pick(DEPARTMENTS) : null,
        departments: [],
        achievementRate: r() < 0.6 ? pick([-0.1, 0, 0.19, 0.2, 0.5, 0.8, 0.99, 1, 1.19, 1.2, 3, Number.NaN]) : null,
        grade: pick(GRADES),
        evaluation: pick(EVALUATIONS),
        ...(r() < 0.1 ? { departmentInferred: true as const } : {}),
      } as unknown as ItemResult);
      row = start + span;
    }
    const issues = Array.from({ length: Math.floor(r() * 20) }, () => {
      const at = 3 + Math.floor(r() * (row - 1));
      return { severity: pick(['error', 'warning', 'info'] as const), code: pick(['missing-entry', 'required-missing', 'invalid-number']), cell: `D${at}`, row: at, message: `${pick(WORDS)}が未入力です` };
    });
    const template = r() < 0.85 ? 'standard' : null;
    out.push({ file: s % 3 === 0 ? '' : `課${s % 7}.xlsx`, sheet: `シート${s}`, template, templateName: template ? '標準' : null, rows, issues, fiscalYear: r() < 0.8 ? 2024 + Math.floor(r() * 2) : null });
  }
  return out;
}

// ---- the reference: the functions as they were before they were made incremental ----

function referenceIssueDepartments(input: SummaryInput, locale: Locale): string[] {
  const owner = new Map<number, string>();
  for (const item of input.rows) {
    for (let r = item.row; r <= item.lastRow; r++) owner.set(r, item.department ?? UNKNOWN_DEPARTMENT[locale]);
  }
  return input.issues.map((issue) => owner.get(issue.row) ?? UNKNOWN_DEPARTMENT[locale]);
}

function referenceSummarize(inputs: SummaryInput[], grades: string[], locale: Locale, goodGrades: string[]): Summary {
  const BAND_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2];
  const evaluations = EVALUATION_SYMBOLS.filter((symbol) => inputs.some((i) => i.template && i.rows.some((r) => r.evaluation === symbol)));
  const lines = new Map<string, Summary['total']>();
  const blank = (department: string): Summary['total'] => ({
    department,
    items: 0,
    withRate: 0,
    grades: Object.fromEntries(grades.map((g) => [g, 0])),
    graded: 0,
    good: 0,
    evaluations: Object.fromEntries(evaluations.map((e) => [e, 0])),
    inferred: 0,
    errors: 0,
    warnings: 0,
    missingEntries: 0,
  });
  const lineOf = (name: string) => {
    const line = lines.get(name) ?? blank(name);
    lines.set(name, line);
    return line;
  };
  const total = blank(locale === 'ja' ? '合計' : 'Total');
  const distribution = [null, ...BAND_EDGES].map((min, i) => ({ min, max: BAND_EDGES[i] ?? null, count: 0 }));
  for (const input of inputs) {
    if (!input.template) continue;
    for (const item of input.rows) {
      const line = lineOf(item.department ?? UNKNOWN_DEPARTMENT[locale]);
      for (const target of [line, total]) {
        target.items++;
        if (item.departmentInferred) target.inferred++;
        if (item.achievementRate !== null) target.withRate++;
        if (item.grade && item.grade in target.grades) {
          target.grades[item.grade]++;
          target.graded++;
          if (goodGrades.includes(item.grade)) target.good++;
        }
        if (item.evaluation && item.evaluation in target.evaluations) target.evaluations[item.evaluation]++;
      }
      if (item.achievementRate !== null) {
        const rate = item.achievementRate;
        const band = distribution.find((b) => (b.min === null || rate >= b.min) && (b.max === null || rate < b.max));
        if (band) band.count++;
      }
    }
    const owners = referenceIssueDepartments(input, locale);
    input.issues.forEach((issue, i) => {
      for (const target of [lineOf(owners[i]), total]) {
        if (issue.severity === 'error') target.errors++;
        if (issue.severity === 'warning') target.warnings++;
        if (issue.code === 'missing-entry') target.missingEntries++;
      }
    });
  }
  const unknown = UNKNOWN_DEPARTMENT[locale];
  const departments = [...lines.values()].sort(
    (a, b) => Number(a.department === unknown) - Number(b.department === unknown) || a.department.localeCompare(b.department, 'ja'),
  );
  return { grades, goodGrades, evaluations, departments, total, distribution };
}

function referenceIssueLines(sheets: SummaryInput[], locale: Locale) {
  return sheets.flatMap((s) => {
    const owners = referenceIssueDepartments(s, locale);
    return s.issues.map((issue, i) => {
      const item = s.rows.find((r) => issue.row >= r.row && issue.row <= r.lastRow);
      const title = item ? [item.id, item.item ?? item.action].filter((x) => x).join(' ') : '';
      const chars = [...title];
      return {
        file: s.file,
        sheet: s.sheet,
        cell: issue.cell,
        row: issue.row,
        severity: issue.severity,
        code: issue.code,
        message: issue.message,
        department: owners[i],
        item: chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : title,
      };
    });
  });
}

function referenceDisplayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

// ----

describe('the summary a sheet at a time', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  test.each(seeds)('summarize and the accumulator count as before (seed %i)', (seed) => {
    const sheets = generate(seed, 12);
    for (const locale of ['ja', 'en'] as const) {
      const grades = gradeColumns(DEFAULT_GRADE_SCALE, sheets);
      const good = goodGradesOf(DEFAULT_GRADE_SCALE);
      const expected = referenceSummarize(sheets, grades, locale, good);
      expect(summarize(sheets, grades, locale, good)).toEqual(expected);
      const acc = new SummaryAccumulator(locale);
      for (const s of sheets) acc.add(s);
      expect(acc.gradeColumns(DEFAULT_GRADE_SCALE)).toEqual(grades);
      expect(acc.finish(grades, good)).toEqual(expected);
      // fewer columns than grades seen, and a repeated one: items off the columns are not counted
      expect(summarize(sheets, ['A', 'B', 'A'], locale, ['A'])).toEqual(referenceSummarize(sheets, ['A', 'B', 'A'], locale, ['A']));
    }
  });

  test.each(seeds)('issue lines name the same department and item as before (seed %i)', (seed) => {
    const sheets = generate(seed, 12);
    expect(issueLines(sheets, 'ja')).toEqual(referenceIssueLines(sheets, 'ja'));
    expect(issueLines(sheets, 'en')).toEqual(referenceIssueLines(sheets, 'en'));
  });

  test.each(seeds)('the layout from the accumulator is summaryTable’s (seed %i)', (seed) => {
    const sheets = generate(seed, 12);
    const skipped = [{ file: '壊れた.xlsx', reason: '読めません' }];
    for (const options of [{ locale: 'ja' as const }, { locale: 'en' as const, grades: ['A', 'B'] }, { locale: 'ja' as const, gradeScale: DEFAULT_GRADE_SCALE, unrecognizedFiles: 2 }]) {
      const expected = summaryTable({ asOf: '2025-10-15', sheets, skipped, ...options });
      const acc = new SummaryTableAccumulator({ asOf: '2025-10-15', ...options });
      sheets.forEach((s, i) => {
        acc.addSheet(s);
        if (i === 3) acc.addSkipped(skipped[0]);
      });
      expect(acc.finish()).toEqual(expected);
    }
  });

  test('display widths as before: CJK two, surrogate pairs one character, lone surrogates two', () => {
    const r = random(9);
    const units = ['a', ' ', 'ｱ', '⺀', '⹿', '漢', '\ud842\udfb7', '\ud83d\ude00', '\ud800', '\udc00', '\ud800x', '\uffff'];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: Math.floor(r() * 20) }, () => units[Math.floor(r() * units.length)]).join('');
      expect(displayWidth(text)).toBe(referenceDisplayWidth(text));
    }
  });
});
