import { UnreadableWorkbookError } from '../unreadable';

/**
 * How much a workbook may cost before it is refused. Submitted files come from many hands, and a
 * zip's headers can lie: every cap is checked before inflating (declared sizes) and again while
 * inflating (bytes actually produced), so a bomb stops at the cap without being allocated.
 */
export interface ReadLimits {
  /** The file itself. */
  maxInputBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** Inflated bytes of any one part read. */
  maxEntryBytes: number;
  /** Inflated bytes of all parts read together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed size allowed for a part… */
  maxRatio: number;
  /** …once it has inflated past this many bytes (small parts compress very well and are harmless). */
  ratioMinBytes: number;
  /** `<c>` elements in one worksheet. */
  maxCellsPerSheet: number;
}

const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxInputBytes: 100 * MB,
  maxEntries: 10_000,
  maxEntryBytes: 256 * MB,
  maxTotalBytes: 512 * MB,
  maxRatio: 100,
  ratioMinBytes: 10 * MB,
  maxCellsPerSheet: 5_000_000,
});

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...(limits ?? {}) };
}

/** Bytes as people read them: "512 MB", "37 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The errors a limit raises, with the limit named in both languages. */
export function tooLarge(ja: string, en: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('too-large', ja, en);
}

export function tooComplex(ja: string, en: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('too-complex', ja, en);
}

export function corrupt(detail: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('corrupt', detail);
}
