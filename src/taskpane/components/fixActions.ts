/**
 * What the pane's fixes ask of Excel (issue 10, part 4), kept beside FixPanel so that the pane's
 * host gains them with a few lines: the check result with its fixes, apply, and 元に戻す.
 */
import { type Fix, type Locale, planFixes } from '../../engine';
import { type AppliedFix, type FixRunResult, type RefusedFix, applyFixes, undoFixes } from '../../hosts/office/applyFixes';
import type { CheckRunResult } from '../../hosts/office/checkPipeline';
import type { PaneCheckOptions, PaneCheckResult } from '../paneHost';

export type { AppliedFix, RefusedFix } from '../../hosts/office/applyFixes';

export interface PaneFixResult {
  /** Fixes written, with each cell's value and number format before (for 元に戻す). */
  applied: AppliedFix[];
  /** Cells changed since the check: left as they are. */
  refused: RefusedFix[];
  /** The re-check after the writes. */
  result: PaneCheckResult;
}

export interface FixHost {
  applyFixes(fixes: Fix[], options: PaneCheckOptions & { sheetName: string }): Promise<PaneFixResult>;
  undoFixes(applied: AppliedFix[], options: PaneCheckOptions & { sheetName: string }): Promise<PaneFixResult>;
}

/** A host check as the pane shows it, with the fixes it allows. */
export function paneResultOf(result: CheckRunResult, locale: Locale): PaneCheckResult {
  return {
    check: result.check,
    sheetName: result.sheetName,
    syncs: result.syncs,
    notWritten: result.notWritten,
    ownValueCells: result.ownValueCells,
    settingsProblem: result.settingsProblem,
    // nothing is offered where the sheet cannot be written
    fixes: result.notWritten ? [] : planFixes(result.grid, result.check, { locale }),
  };
}

function paneFixResult(run: FixRunResult, locale: Locale): PaneFixResult {
  return { applied: run.applied, refused: run.refused, result: paneResultOf(run.check, locale) };
}

export const officeFixHost: FixHost = {
  async applyFixes(fixes, options) {
    return paneFixResult(await applyFixes(fixes, { ...options, onProgress: undefined }), options.locale);
  },
  async undoFixes(applied, options) {
    return paneFixResult(await undoFixes(applied, { ...options, onProgress: undefined }), options.locale);
  },
};
