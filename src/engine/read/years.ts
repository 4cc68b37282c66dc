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

/** Every fiscal year a text names, in order of appearance. */
export function readFiscalYears(text: string): number[] {
  const t = nfkc(text).replace(/\s+/g, '');
  const found: { at: number; year: number }[] = [];
  // 令和7年度 is a fiscal year; 令和8年3月31日 is a date, in fiscal year 2025
  const era = /(令和|平成|R|H)(元|\d{1,2})(年度|年(\d{1,2})月|年)?/g;
  for (let m = era.exec(t); m; m = era.exec(t)) {
    // "R" or "H" must not be the end of a word (e.g. "PDCAR1" is not a year)
    if ((m[1] === 'R' || m[1] === 'H') && m.index > 0 && /[A-Za-z]/.test(t[m.index - 1])) continue;
    const n = m[2] === '元' ? 1 : Number(m[2]);
    found.push({ at: m.index, year: fiscalYearOfMonth(ERAS[m[1]] + n, m[4]) });
  }
  // Not preceded by a digit. Checked by hand, not with a lookbehind `(?<!\d)`, which Excel 2019's
  // Edge Legacy webview cannot compile; resuming one character on is what the lookbehind did.
  const western = /((?:19|20)\d{2})(年度|年(\d{1,2})月|年|\)|$)/g;
  for (let m = western.exec(t); m; m = western.exec(t)) {
    if (m.index > 0 && /\d/.test(t[m.index - 1])) {
      western.lastIndex = m.index + 1;
      continue;
    }
    found.push({ at: m.index, year: fiscalYearOfMonth(Number(m[1]), m[3]) });
  }
  if (found.length === 0) {
    // 29基準, 30実績: a bare era year; 20–31 can only be 平成 in sheets of this era
    const bare = /^(\d{1,2})(基準|実績|目標|計画|見込)/.exec(t);
    if (bare) {
      const n = Number(bare[1]);
      found.push({ at: 0, year: (n >= 20 ? ERAS.平成 : ERAS.令和) + n });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.year);
}

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
