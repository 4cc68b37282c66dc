/**
 * Failures the host itself recognises, with codes of its own, so that the pane and the ribbon can
 * say what happened and what to do per cause (Office.js errors keep their own codes).
 */
export type HostErrorCode = 'SheetProtected' | 'WorkbookProtected';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
