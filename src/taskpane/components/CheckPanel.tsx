import { useEffect, useRef, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Divider,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  tokens,
} from '@fluentui/react-components';
import { BUILTIN_PROFILES, fiscalYearOf, type Locale } from '../../engine';
import { type Failure, describeFailure } from '../failure';
import type { Issue } from '../../engine';
import { ACKNOWLEDGEABLE } from '../../engine/workbookSettings';
import type { PaneCheckOptions, PaneCheckResult, PaneHost, PaneWatch } from '../paneHost';
import type { PaneAction, Strings } from '../strings';
import { buttonRow, stacked, visuallyHidden } from '../styles';
import { ImportPanel } from './ImportPanel';
import { useFixes } from './FixPanel';
import { IssueNavigator } from './IssueNavigator';
import { SheetSummary } from './SheetSummary';

const useStyles = makeStyles({
  panel: stacked,
  buttons: buttonRow,
  counts: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // Read by screen readers, not shown: the pane's one polite announcement at a time.
  status: visuallyHidden,
  detail: { whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 },
});

type Notice = { intent: 'success' | 'warning' | 'info'; text: string } | { intent: 'error'; failure: Failure } | null;

export interface CheckPanelProps {
  host: PaneHost;
  strings: Strings;
  locale: Locale;
  today: string;
}

/** The pane's work: choose the as-of date (and a layout), check, walk through the issues. */
export function CheckPanel({ host, strings, locale, today }: CheckPanelProps) {
  const styles = useStyles();
  const [asOf, setAsOf] = useState(today);
  const [template, setTemplate] = useState('');
  const [busy, setBusy] = useState<PaneAction | null>(null);
  const [progress, setProgress] = useState<{ phase: string; value: number } | null>(null);
  const [result, setResult] = useState<PaneCheckResult | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [announcement, setAnnouncement] = useState('');
  const checkButton = useRef<HTMLButtonElement>(null);
  /** The watch of the checked sheet (re-checks after each edit), and whether the pane can know of edits. */
  const watch = useRef<PaneWatch | null>(null);
  const [stale, setStale] = useState(false);

  const stopWatch = async () => {
    const w = watch.current;
    watch.current = null;
    if (w) await w.stop().catch(() => undefined);
  };
  useEffect(() => () => void stopWatch(), []);

  /** After a check: follow the person's edits on that sheet; where events are missing, say the results may go stale. */
  async function startWatch(outcome: PaneCheckResult, options: PaneCheckOptions) {
    await stopWatch();
    setStale(false);
    if (!outcome.check.template) return;
    const started = host.watch
      ? await host
          .watch({
            sheetName: outcome.sheetName,
            ownValueCells: outcome.ownValueCells ?? [],
            recheck: async () => {
              const again = await host.check({ ...options, onProgress: undefined, sheetName: outcome.sheetName });
              setResult(again);
              const c = countOf(again);
              setAnnouncement(strings.rechecked(again.sheetName, c.error, c.warning, c.info));
              return again;
            },
            onError: () => setStale(true),
          })
          .catch(() => null)
      : null;
    watch.current = started;
    if (!started) setStale(true);
  }

  const failure = (action: PaneAction) => (err: unknown) => {
    const f = describeFailure(err, action, strings);
    setNotice({ intent: 'error', failure: f });
    setAnnouncement(`${f.what}${f.todo}`);
  };
  const tell = (intent: 'success' | 'warning' | 'info', text: string) => {
    setNotice({ intent, text });
    setAnnouncement(text);
  };

  async function runCheck() {
    setBusy('check');
    setNotice(null);
    setAnnouncement('');
    setProgress({ phase: strings.phase.read, value: 0 });
    try {
      const options: PaneCheckOptions = { asOf, locale, template: template || undefined };
      const outcome = await host.check({
        ...options,
        onProgress: (phase, done, total) => setProgress({ phase: strings.phase[phase], value: total > 0 ? done / total : 0 }),
      });
      setResult(outcome);
      await startWatch(outcome, options);
      if (!outcome.check.template) tell('warning', strings.notProgressSheet);
      else {
        const c = countOf(outcome);
        const done = strings.announceChecked(outcome.sheetName, c.error, c.warning, c.info);
        if (outcome.notWritten) {
          setNotice({ intent: 'warning', text: strings.notWritten[outcome.notWritten] });
          setAnnouncement(`${done}${strings.notWritten[outcome.notWritten]}`);
        } else setAnnouncement(done);
      }
    } catch (err) {
      failure('check')(err);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function clear() {
    setBusy('clear');
    setNotice(null);
    try {
      // The sheet that was checked, whichever sheet is active now (the summary, say).
      await stopWatch();
      setStale(false);
      const cleared = await host.clearFlags(result?.sheetName);
      setResult(null);
      tell(cleared.restored > 0 ? 'success' : 'info', cleared.restored > 0 ? strings.flagsCleared(cleared.sheetName) : strings.nothingToClear(cleared.sheetName));
    } catch (err) {
      failure('clear')(err);
    } finally {
      setBusy(null);
    }
  }

  async function insert() {
    setBusy('insert');
    setNotice(null);
    try {
      const name = await host.insertStandardTemplate({ fiscalYear: fiscalYearOf(asOf), locale });
      await stopWatch();
      setStale(false);
      setResult(null);
      tell('success', strings.templateInserted(name));
    } catch (err) {
      failure('insert')(err);
    } finally {
      setBusy(null);
    }
  }

  async function summarise() {
    setBusy('summary');
    setNotice(null);
    try {
      const built = await host.buildSummary({ asOf, locale });
      tell('success', strings.summaryBuilt(built.sheetName, built.progressSheets));
    } catch (err) {
      failure('summary')(err);
    } finally {
      setBusy(null);
    }
  }

  const select = (cell: string) => {
    if (result) host.selectCell(cell, result.sheetName).catch(failure('select'));
  };
  /** 理由あり: saved in the workbook, then marked on the listed issue (no re-check needed). */
  const canAcknowledge = (issue: Issue) =>
    Boolean(host.acknowledge) && (ACKNOWLEDGEABLE as readonly string[]).includes(issue.code) && /^[A-Z]{1,3}[1-9][0-9]*$/.test(issue.cell);
  const markIssue = (target: Issue, acknowledged: Issue['acknowledged']) =>
    setResult((r) =>
      r
        ? {
            ...r,
            check: {
              ...r.check,
              issues: r.check.issues.map((i) => {
                if (i.cell !== target.cell || i.code !== target.code) return i;
                const { acknowledged: _old, ...rest } = i;
                return acknowledged ? { ...rest, acknowledged } : rest;
              }),
            },
          }
        : r,
    );
  const acknowledge = async (issue: Issue, reason: string) => {
    if (!result || !host.acknowledge) return;
    const ack = { sheet: result.sheetName, cell: issue.cell, code: issue.code as (typeof ACKNOWLEDGEABLE)[number], reason, at: today };
    try {
      await host.acknowledge(ack);
      markIssue(issue, { reason, at: today });
      setAnnouncement(strings.acknowledged(reason));
    } catch (err) {
      failure('check')(err);
    }
  };
  const withdraw = async (issue: Issue) => {
    if (!result || !host.withdrawAcknowledgement) return;
    try {
      await host.withdrawAcknowledgement({ sheet: result.sheetName, cell: issue.cell, code: issue.code as (typeof ACKNOWLEDGEABLE)[number] });
      markIssue(issue, undefined);
    } catch (err) {
      failure('check')(err);
    }
  };
  const backToTop = () => {
    checkButton.current?.focus();
    checkButton.current?.scrollIntoView?.({ block: 'nearest' });
  };

  // Safe fixes (issue 10): the re-check after them replaces the result, as one after an edit does.
  const fixes = useFixes({
    host,
    result,
    locale,
    options: { asOf, locale, template: template || undefined },
    onResult: setResult,
    announce: setAnnouncement,
    onFailure: failure('check'),
  });
  const counts = result ? countOf(result) : null;
  return (
    <div className={styles.panel}>
      <Field label={strings.asOf} hint={strings.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, data) => data.value && setAsOf(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={runCheck} disabled={busy !== null} ref={checkButton}>
          {busy === 'check' ? strings.checking : strings.check}
        </Button>
        <Button onClick={clear} disabled={busy !== null}>
          {busy === 'clear' ? strings.clearing : strings.clearFlags}
        </Button>
        <Button onClick={summarise} disabled={busy !== null}>
          {strings.buildSummary}
        </Button>
        <Button appearance="subtle" onClick={insert} disabled={busy !== null}>
          {strings.insertTemplate}
        </Button>
      </div>
      <Accordion collapsible>
        <AccordionItem value="template">
          <AccordionHeader size="small">{strings.templateChoose}</AccordionHeader>
          <AccordionPanel>
            <Field label={strings.template}>
              <Select value={template} onChange={(_, data) => setTemplate(data.value)}>
                <option value="">{strings.templateAuto}</option>
                {BUILTIN_PROFILES.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name[locale]}
                  </option>
                ))}
              </Select>
            </Field>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.status} data-testid="announcement">
        {announcement}
      </div>
      {progress && (
        <Field validationMessage={progress.phase} validationState="none">
          <ProgressBar value={progress.value} aria-label={progress.phase} />
        </Field>
      )}
      {notice && notice.intent === 'error' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.failure.what}</MessageBarTitle>
            {notice.failure.todo}
            <details>
              <summary>{strings.failureDetail}</summary>
              <p className={styles.detail}>{notice.failure.detail}</p>
            </details>
          </MessageBarBody>
        </MessageBar>
      ) : (
        notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )
      )}
      {result && result.check.template && stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale-notice">
          <MessageBarBody>{strings.stale}</MessageBarBody>
        </MessageBar>
      )}
      {result?.settingsProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{result.settingsProblem}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.check.template && counts && (
        <>
          <Divider />
          <Body1 as="p" className={styles.counts} data-testid="issue-counts">
            {strings.items(result.check.rows.length)}・{strings.counts(counts.error, counts.warning, counts.info)}
          </Body1>
          {fixes.panel}
          <IssueNavigator
            issues={result.check.issues}
            rows={result.check.rows}
            strings={strings}
            onSelect={select}
            announce={setAnnouncement}
            onBackToTop={backToTop}
            canAcknowledge={canAcknowledge}
            onAcknowledge={acknowledge}
            onWithdraw={withdraw}
            renderIssueAction={fixes.issueAction}
          />
          <Divider />
          <SheetSummary check={result.check} sheetName={result.sheetName} strings={strings} locale={locale} onSelect={select} />
        </>
      )}
      <Divider />
      <ImportPanel asOf={asOf} locale={locale} strings={strings} />
    </div>
  );
}

function countOf(result: PaneCheckResult) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of result.check.issues) counts[issue.severity]++;
  return counts;
}
