/**
 * Safe fixes in the pane (issue 10, part 4): a 修正 button on each fixable issue, まとめて修正 for
 * every certain fix, the list of what was changed cell by cell, and 元に戻す. An add-in's writes do
 * not join Excel's undo stack on most versions: the pane says so, and its 元に戻す writes back the
 * values it kept.
 */
import { type ReactNode, useState } from 'react';
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { type Fix, type Issue, type Locale, certainFixes } from '../../engine';
import type { PaneCheckOptions, PaneCheckResult, PaneHost } from '../paneHost';
import { buttonRow } from '../styles';
import type { AppliedFix, PaneFixResult, RefusedFix } from './fixActions';

const FIX_STRINGS = {
  ja: {
    heading: '直せる問題',
    offer: (n: number) => `書き方の違い（〇 → ○ など）と、文字で入力された数値 ${n} 件は、確実に直せます。`,
    fixAll: (n: number) => `まとめて修正（${n} 件）`,
    fixing: '修正しています…',
    fix: '修正',
    fillNone: '「－」を入れる',
    fixLabel: (label: string, cell: string, message: string) => `${label}（${cell}: ${message}）`,
    undoNote:
      'このアドインによる修正は、Excel の［元に戻す］（Ctrl+Z）では取り消せません。取り消すときは、下の［元に戻す］を使ってください（作業ウィンドウを閉じると使えなくなります）。',
    changedHeading: '修正した内容',
    changed: (cell: string, old: string, shown: string) => `${cell}: 「${old}」→「${shown}」`,
    refused: (cell: string, now: string) => `${cell}: チェックの後に変更されていたため、修正しませんでした（今の値「${now}」）。もう一度［チェック］してから直してください。`,
    undo: '元に戻す',
    undone: (n: number) => `${n} 件のセルを修正前の値に戻しました。`,
    undoRefused: (cell: string) => `${cell}: 修正の後に変更されていたため、戻しませんでした。今の値を確かめ、必要なら手で直してください。`,
    applied: (n: number, refused: number) =>
      `${n} 件を修正しました。${refused > 0 ? `${refused} 件はチェックの後に変更されていたため修正しませんでした。もう一度［チェック］してから直してください。` : ''}`,
    empty: '空欄',
  },
  en: {
    heading: 'Fixes',
    offer: (n: number) => `${n} cells written in a variant spelling (〇 for ○…) or as numbers typed as text can be fixed with certainty.`,
    fixAll: (n: number) => `Fix all (${n})`,
    fixing: 'Fixing…',
    fix: 'Fix',
    fillNone: 'Enter "－"',
    fixLabel: (label: string, cell: string, message: string) => `${label} (${cell}: ${message})`,
    undoNote:
      "Excel's Undo (Ctrl+Z) cannot take back changes made by this add-in. To take them back, use Undo below (available until the task pane is closed).",
    changedHeading: 'What was changed',
    changed: (cell: string, old: string, shown: string) => `${cell}: "${old}" → "${shown}"`,
    refused: (cell: string, now: string) => `${cell}: changed since the check, so left as it is (now "${now}"). Check again, then fix it.`,
    undo: 'Undo',
    undone: (n: number) => `Put back the earlier values of ${n} cells.`,
    undoRefused: (cell: string) => `${cell}: changed since the fix, so not put back. Look at its value and correct it by hand if needed.`,
    applied: (n: number, refused: number) =>
      `Fixed ${n} cells.${refused > 0 ? ` ${refused} changed since the check and were left as they are: check again, then fix them.` : ''}`,
    empty: 'empty',
  },
} satisfies Record<Locale, Record<string, unknown>>;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  buttons: buttonRow,
  issueAction: { gridColumn: '2' },
});

interface History {
  /** The sheet the fixes were written on (元に戻す goes there, whichever sheet was checked since). */
  sheetName: string;
  applied: AppliedFix[];
  refused: RefusedFix[];
  /** Lines after 元に戻す, or null before it. */
  undone: string[] | null;
}

export interface UseFixesProps {
  host: PaneHost;
  result: PaneCheckResult | null;
  locale: Locale;
  /** The options of the re-check after the fixes (as of, language, layout). */
  options: PaneCheckOptions;
  onResult: (result: PaneCheckResult) => void;
  announce: (text: string) => void;
  onFailure: (error: unknown) => void;
}

const text = (value: unknown, empty: string) => (value === '' || value === null || value === undefined ? empty : String(value));

/** The fixes' panel, and the button each fixable issue shows. */
export function useFixes({ host, result, locale, options, onResult, announce, onFailure }: UseFixesProps): { panel: ReactNode; issueAction: (issue: Issue) => ReactNode } {
  const styles = useStyles();
  const s = FIX_STRINGS[locale];
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<History | null>(null);
  const fixes = result?.fixes ?? [];
  const available = Boolean(host.applyFixes) && result !== null && Boolean(result.check.template);

  const run = async (work: () => Promise<PaneFixResult>, after: (outcome: PaneFixResult) => void) => {
    setBusy(true);
    try {
      const outcome = await work();
      onResult(outcome.result);
      after(outcome);
    } catch (error) {
      onFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const apply = (chosen: Fix[]) => {
    if (!result || !host.applyFixes || chosen.length === 0) return;
    const applyFixes = host.applyFixes;
    void run(
      () => applyFixes(chosen, { ...options, sheetName: result.sheetName }),
      (outcome) => {
        // Fixes on one sheet add up, so that 元に戻す takes back all of them.
        setHistory((prev) =>
          prev && prev.sheetName === result.sheetName && !prev.undone
            ? { ...prev, applied: [...prev.applied, ...outcome.applied], refused: [...prev.refused, ...outcome.refused] }
            : { sheetName: result.sheetName, applied: outcome.applied, refused: outcome.refused, undone: null },
        );
        announce(s.applied(outcome.applied.length, outcome.refused.length));
      },
    );
  };
  const undo = () => {
    if (!history || !host.undoFixes) return;
    const undoFixes = host.undoFixes;
    void run(
      () => undoFixes(history.applied, { ...options, sheetName: history.sheetName }),
      (outcome) => {
        const lines = [s.undone(outcome.applied.length), ...outcome.refused.map((r) => s.undoRefused(r.fix.cell))];
        setHistory({ ...history, undone: lines });
        announce(lines.join(''));
      },
    );
  };

  const certain = certainFixes(fixes);
  const panel =
    available && (certain.length > 0 || history) ? (
      <section className={styles.section} aria-labelledby="fixes-heading" data-testid="fix-panel">
        <Subtitle2 as="h2" id="fixes-heading" className={styles.heading}>
          {s.heading}
        </Subtitle2>
        {certain.length > 0 && (
          <>
            <Body1 as="p">{s.offer(certain.length)}</Body1>
            <div className={styles.buttons}>
              <Button appearance="primary" disabled={busy} onClick={() => apply(certain)}>
                {busy ? s.fixing : s.fixAll(certain.length)}
              </Button>
            </div>
          </>
        )}
        <Caption1 as="p">{s.undoNote}</Caption1>
        {history && (
          <>
            <Subtitle2 as="h3" className={styles.heading}>
              {s.changedHeading}
            </Subtitle2>
            <ul className={styles.list} data-testid="fixes-applied">
              {history.applied.map((a) => (
                <li key={a.fix.cell}>{s.changed(a.fix.cell, text(a.before.value, s.empty), a.fix.shown)}</li>
              ))}
              {history.refused.map((r) => (
                <li key={`refused-${r.fix.cell}`}>{s.refused(r.fix.cell, text(r.now, s.empty))}</li>
              ))}
            </ul>
            {history.undone ? (
              <Body1 as="p" data-testid="fixes-undone">
                {history.undone.join(' ')}
              </Body1>
            ) : (
              history.applied.length > 0 &&
              host.undoFixes && (
                <div className={styles.buttons}>
                  <Button disabled={busy} onClick={undo}>
                    {s.undo}
                  </Button>
                </div>
              )
            )}
          </>
        )}
      </section>
    ) : null;

  const issueAction = (issue: Issue): ReactNode => {
    if (!available) return null;
    const fix = fixes.find((f) => f.cell === issue.cell && f.issue === issue.code);
    if (!fix) return null;
    const label = fix.kind === 'none-marker' ? s.fillNone : s.fix;
    return (
      <div className={styles.issueAction}>
        {/* the accessible name starts with the visible words (WCAG 2.5.3) */}
        <Button size="small" disabled={busy} aria-label={s.fixLabel(label, issue.cell, fix.message)} onClick={() => apply([fix])}>
          {label}
        </Button>
      </div>
    );
  };
  return { panel, issueAction };
}
