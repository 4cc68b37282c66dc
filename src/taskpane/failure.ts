/**
 * An error from Excel or the host, told as a person needs it: what happened and what to do, per
 * cause. The raw text is kept only for the details (support), never as the message itself.
 */
import type { FailureCause, PaneAction, Strings } from './strings';

export interface Failure {
  action: PaneAction;
  cause: FailureCause;
  /** 「チェックできませんでした。」 + what happened. */
  what: string;
  todo: string;
  /** The error's code and text, for support. */
  detail: string;
}

function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

export function failureCause(error: unknown): FailureCause {
  const code = codeOf(error);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'editing';
    case 'SheetProtected':
    case 'AccessDenied':
      return 'sheetProtected';
    case 'WorkbookProtected':
      return 'workbookProtected';
    case 'ItemNotFound':
    case 'InvalidObjectPath':
      return 'sheetGone';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return 'tooLarge';
    case 'ApiNotFound':
    case 'NotImplemented':
      return 'oldExcel';
    case 'ServiceNotAvailable':
    case 'ActivityLimitReached':
    case 'Conflict':
    case 'RequestAborted':
    case 'GeneralException':
      return 'busy';
    default:
      return 'unknown';
  }
}

export function describeFailure(error: unknown, action: PaneAction, strings: Strings): Failure {
  const cause = failureCause(error);
  const text = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  return {
    action,
    cause,
    what: strings.actions[action] + strings.causes[cause].what,
    todo: strings.causes[cause].todo,
    detail: code ? `${code}: ${text}` : text,
  };
}
