/**
 * The annotated copy cannot be made without risking the workbook (an array formula in a cell the
 * plan writes, a zip64 or encrypted package…). The caller says why and writes no copy.
 */
export class CannotAnnotateError extends Error {
  /** One line, Japanese then English. */
  readonly reason: string;

  constructor(
    readonly ja: string,
    readonly en: string,
  ) {
    super(`${ja} / ${en}`);
    this.reason = `${ja} / ${en}`;
    this.name = 'CannotAnnotateError';
  }

  /** The reason in one language. */
  describe(locale: 'ja' | 'en'): string {
    return locale === 'ja' ? this.ja : this.en;
  }
}

export function cannotAnnotate(ja: string, en: string): CannotAnnotateError {
  return new CannotAnnotateError(ja, en);
}

/** Why a copy could not be made, in one line of the reader's language (any other failure: its message). */
export function copyProblemOf(err: unknown, locale: 'ja' | 'en'): string {
  if (err instanceof CannotAnnotateError) return err.describe(locale);
  return err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err);
}
