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
