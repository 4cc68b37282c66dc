import { useState } from 'react';
import {
  Button,
  Divider,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  tokens,
} from '@fluentui/react-components';
import { BUILTIN_PROFILES, fiscalYearOf, type Locale } from '../../engine';
import type { PaneCheckResult, PaneHost } from '../paneHost';
import type { Strings } from '../strings';
import { IssueList } from './IssueList';
import { SheetSummary } from './SheetSummary';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Notice = { intent: 'success' | 'error' | 'warning'; text: string } | null;

export interface CheckPanelProps {
  host: PaneHost;
  strings: Strings;
  locale: Locale;
  today: string;
}

/** The pane's work: choose the as-of date (and a template), check, read the issues, go to a cell. */
export function CheckPanel({ host, strings, locale, today }: CheckPanelProps) {
  const styles = useStyles();
  const [asOf, setAsOf] = useState(today);
  const [template, setTemplate] = useState('');
  const [busy, setBusy] = useState<'check' | 'clear' | 'insert' | 'summary' | null>(null);
  const [progress, setProgress] = useState<{ phase: string; value: number } | null>(null);
  const [result, setResult] = useState<PaneCheckResult | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const failure = (err: unknown) => setNotice({ intent: 'error', text: strings.failed(err instanceof Error ? err.message : String(err)) });

  async function runCheck() {
    setBusy('check');
    setNotice(null);
    setProgress({ phase: strings.phase.read, value: 0 });
    try {
      const outcome = await host.check({
        asOf,
        locale,
        template: template || undefined,
        onProgress: (phase, done, total) => setProgress({ phase: strings.phase[phase], value: total > 0 ? done / total : 0 }),
      });
      setResult(outcome);
      if (!outcome.check.template) setNotice({ intent: 'warning', text: strings.notProgressSheet });
    } catch (err) {
      failure(err);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function clear() {
    setBusy('clear');
    setNotice(null);
    try {
      await host.clearFlags();
      setResult(null);
      setNotice({ intent: 'success', text: strings.flagsCleared });
    } catch (err) {
      failure(err);
    } finally {
      setBusy(null);
    }
  }

  async function insert() {
    setBusy('insert');
    setNotice(null);
    try {
      const name = await host.insertStandardTemplate({ fiscalYear: fiscalYearOf(asOf), locale });
      setResult(null);
      setNotice({ intent: 'success', text: strings.templateInserted(name) });
    } catch (err) {
      failure(err);
    } finally {
      setBusy(null);
    }
  }

  async function summarise() {
    setBusy('summary');
    setNotice(null);
    try {
      const built = await host.buildSummary({ asOf, locale });
      setNotice({ intent: 'success', text: strings.summaryBuilt(built.sheetName, built.progressSheets) });
    } catch (err) {
      failure(err);
    } finally {
      setBusy(null);
    }
  }

  const select = (cell: string) => {
    if (result) host.selectCell(cell, result.sheetName).catch(failure);
  };

  return (
    <div className={styles.panel}>
      <Field label={strings.asOf} hint={strings.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, data) => data.value && setAsOf(data.value)} />
      </Field>
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
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={runCheck} disabled={busy !== null}>
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
      {progress && (
        <Field validationMessage={progress.phase} validationState="none">
          <ProgressBar value={progress.value} aria-label={progress.phase} />
        </Field>
      )}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.check.template && (
        <>
          <Divider />
          <SheetSummary check={result.check} sheetName={result.sheetName} strings={strings} onSelect={select} />
          <IssueList issues={result.check.issues} strings={strings} onSelect={select} />
        </>
      )}
    </div>
  );
}
