import { nfkc } from './text';

/** Japanese era offsets: FY = offset + era year (令和元年度 = FY 2019). */
const ERAS: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };

/**
 * Read the fiscal year a label or title names: 令和5年度, 令和元年度, 平成31年度, R5, H29,
 * 2025年度, (2024), and the bare `29基準`/`30実績` of a 平成-era sheet. Returns null when none.
 */
export function readFiscalYear(text: string): number | null {
  const years = readFiscalYears(text);
  return years.length > 0 ? years[0] : null;
}

/** A fiscal year named in a text, with where it stands in the normalised text (NFKC, no spaces). */
export interface YearMention {
  year: number;
  at: number;
  end: number;
  /** Named by a date (令和7年9月30日) rather than as a year. */
  date: boolean;
}

/** Text as the year readers see it: NFKC, no white space. */
export function yearText(text: string): string {
  return nfkc(text).replace(/\s+/g, '');
}

/** Every fiscal year a text names, in order of appearance. */
export function readFiscalYears(text: string): number[] {
  const t = yearText(text);
  const found = findFiscalYears(t);
  if (found.length === 0) {
    // 29基準, 30実績, 29年度目標値: a bare era year; 20–31 can only be 平成 in sheets of this era
    const bare = /^(\d{1,2})(年度|基準|実績|目標|計画|見込)/.exec(t);
    if (bare) {
      const n = Number(bare[1]);
      return [(n >= 20 ? ERAS.平成 : ERAS.令和) + n];
    }
  }
  return found.map((f) => f.year);
}

/** The era and western years of a normalised text (see `yearText`), in order of appearance. */
export function findFiscalYears(t: string): YearMention[] {
  const found: YearMention[] = [];
  // 令和7年度 is a fiscal year; 令和8年3月31日 is a date, in fiscal year 2025
  // H27.3月末, R7.3.31 (an era year, a dot and the month) are dates too
  const era = /(令和|平成|R|H)(元|\d{1,2})(年度|年(\d{1,2})月(\d{1,2}日)?|\.(1[0-2]|0?[1-9])(?:月|\.\d{1,2}|(?!\d))|年)?/g;
  for (let m = era.exec(t); m; m = era.exec(t)) {
    // "R" or "H" must not be the end of a word (e.g. "PDCAR1" is not a year)
    if ((m[1] === 'R' || m[1] === 'H') && m.index > 0 && /[A-Za-z]/.test(t[m.index - 1])) continue;
    const n = m[2] === '元' ? 1 : Number(m[2]);
    const month = m[4] ?? m[6];
    found.push({ at: m.index, end: m.index + m[0].length, year: fiscalYearOfMonth(ERAS[m[1]] + n, month), date: month !== undefined });
  }
  // Not preceded by a digit. Checked by hand, not with a lookbehind `(?<!\d)`, which Excel 2019's
  // Edge Legacy webview cannot compile; resuming one character on is what the lookbehind did.
  const western = /((?:19|20)\d{2})(年度|年(\d{1,2})月(\d{1,2}日)?|年|\)|$)/g;
  for (let m = western.exec(t); m; m = western.exec(t)) {
    if (m.index > 0 && /\d/.test(t[m.index - 1])) {
      western.lastIndex = m.index + 1;
      continue;
    }
    // the closing bracket of (2024) is not part of the year
    const end = m.index + m[0].length - (m[2] === ')' ? 1 : 0);
    found.push({ at: m.index, end, year: fiscalYearOfMonth(Number(m[1]), m[3]), date: m[3] !== undefined });
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Years a title line names, sorted by what they say about the reporting year (design.md §6):
 * `reporting` stand next to 進捗・実績・報告・取組状況・評価 (or a 現在 date); `plain` name a year
 * with nothing beside it; a period followed by a report word (平成27年度~平成29年度 実績報告) reports
 * on its last year, once that has begun. Other plan periods (令和7年度～令和11年度, 計画期間：…, R3～R7), plan or target
 * years (令和7年度計画, 目標値(R10), 令和11年度まで) and footnote or legend lines (※…, 注…, 凡例)
 * name no reporting year at all.
 */
export function readReportingYears(text: string, asOfYear?: number): { reporting: number[]; plain: number[] } {
  const reporting: number[] = [];
  const plain: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = yearText(line);
    if (t === '' || FOOTNOTE_LINE.test(t)) continue;
    const found = findFiscalYears(t);
    const bare = bareYears(t, found, asOfYear);
    const mentions = bare.length > 0 ? [...found, ...bare].sort((a, b) => a.at - b.at) : found;
    mentions.forEach((m, i) => {
      const prevEnd = i > 0 ? mentions[i - 1].end : 0;
      const nextAt = i + 1 < mentions.length ? mentions[i + 1].at : t.length;
      const before = t.slice(prevEnd, m.at);
      const after = t.slice(m.end, nextAt);
      const joinsPrev = i > 0 && RANGE_JOINER.test(before);
      const joinsNext = i + 1 < mentions.length && RANGE_JOINER.test(after);
      // a period's report (平成27年度~平成29年度 実績報告, 黒部市): its last year, once that has begun
      if (joinsPrev && !joinsNext && REPORT_WORDS.test(after.slice(0, 8)) && !PLAN_AFTER.test(after) && asOfYear !== undefined && m.year <= asOfYear) {
        reporting.push(m.year);
        return;
      }
      // a range whose other end is no year (2025～2029年度: 2025 alone is read as no year)
      if (joinsPrev || joinsNext || RANGE_MARK.test(before.slice(-1)) || RANGE_MARK.test(after.slice(0, 1))) return;
      if (PLAN_BEFORE.test(before.slice(-8)) || PLAN_AFTER.test(after)) return;
      const keywordAfter = REPORT_WORDS.test(after.slice(0, 24));
      const keywordBefore = REPORT_WORDS_END.test(before.slice(-12));
      if (keywordAfter || keywordBefore) reporting.push(m.year);
      // a bare 19年度 counts only beside a report word (19年度進捗状況): alone it may be anything
      else if (!bare.includes(m)) plain.push(m.year);
    });
  }
  return { reporting, plain };
}

/**
 * Years written without their era (19年度進捗状況, 7年度 実績報告): 平成 or 令和, whichever lies
 * closest before the as-of year (or just after it); without an as-of year, 20 and over is 平成.
 */
function bareYears(t: string, known: YearMention[], asOfYear?: number): YearMention[] {
  const out: YearMention[] = [];
  const bare = /(\d{1,2})年度/g;
  for (let m = bare.exec(t); m; m = bare.exec(t)) {
    const at = m.index;
    const end = at + m[0].length;
    if (at > 0 && /[\dA-Za-z元和成]/.test(t[at - 1])) continue;
    if (known.some((k) => at < k.end && end > k.at)) continue;
    const n = Number(m[1]);
    if (n === 0) continue;
    const reiwa = ERAS.令和 + n;
    const heisei = ERAS.平成 + n;
    let year = n >= 20 ? heisei : reiwa;
    if (asOfYear !== undefined) {
      const begun = [reiwa, heisei].filter((y) => y <= asOfYear + 1);
      year = begun.length > 0 ? Math.max(...begun) : Math.min(reiwa, heisei);
    }
    out.push({ at, end, year, date: false });
  }
  return out;
}

/** Footnotes and legends: ※目標値(R10)…, 注1), 凡例, (注) — they never set the reporting year. */
const FOOTNOTE_LINE = /^([※＊*]|\(?注\d*[)):：]|注\d*$|凡例|備考|出典)/;
/** What joins the two ends of a period: 令和7年度～令和11年度, R3-R7, 令和3年度から令和7年度. */
const RANGE_JOINER = /^[(（]?[～〜~\-－ー―‐−–—]+$|^から$/;
const RANGE_MARK = /[～〜~－―‐−–—]/;
/** Words before a year that make it a plan period or a target (計画期間：…, 目標値(R10)). */
const PLAN_BEFORE = /(期間|目標|最終|計画年度|終期|始期)(年度|値)?[:：(（]?$/;
/** Words right after a year that make it a plan or a target year (令和7年度計画, 令和11年度まで). */
const PLAN_AFTER = /^[)）]?(まで|から|計画|目標|見込|予定|予算|当初|以降)/;
/** Words that make a year the reporting year: 令和7年度 進捗状況, 令和6年度実績, 令和7年9月30日現在. */
const REPORT_WORDS = /進捗|実績|報告|取組状況|取り組み状況|評価|進行管理|点検|検証|現在|時点|状況/;
const REPORT_WORDS_END = /(進捗|実績|報告|取組状況|評価|進行管理|点検|検証)(状況)?[(（:：]?$/;

/** A calendar year and month (from a date) → its fiscal year, April start; no month: the year itself. */
function fiscalYearOfMonth(year: number, month: string | undefined): number {
  if (month === undefined) return year;
  return Number(month) >= 4 ? year : year - 1;
}

/** Excel date serial → ISO date (1900 date system, serial 60 is the phantom 1900-02-29). */
export function excelSerialToIsoDate(serial: number): string {
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A fiscal year as officials write it: 2019 → 令和元年度, 2025 → 令和7年度; FY2025 in English. */
export function formatFiscalYear(fiscalYear: number, locale: 'ja' | 'en' = 'ja'): string {
  if (locale === 'en') return `FY${fiscalYear}`;
  if (fiscalYear >= 2019) {
    const n = fiscalYear - 2018;
    return `令和${n === 1 ? '元' : n}年度`;
  }
  if (fiscalYear >= 1989) {
    const n = fiscalYear - 1988;
    return `平成${n === 1 ? '元' : n}年度`;
  }
  return `${fiscalYear}年度`;
}
