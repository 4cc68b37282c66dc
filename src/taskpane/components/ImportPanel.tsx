import { useRef, useState } from 'react';
import {
  Body1,
  Body1Strong,
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { Locale } from '../../engine';
import { type ImportOptions, type ImportResult, type SubmissionSource, importSubmissions } from '../../hosts/office/importSubmissions';
import { type Failure, describeFailure } from '../failure';
import type { Strings } from '../strings';
import { stacked, visuallyHidden } from '../styles';
import { importStringsFor } from './importStrings';

const useStyles = makeStyles({
  panel: stacked,
  heading: { margin: 0 },
  // the file input is driven by the button; kept in the page (not display:none) for assistive tech
  input: visuallyHidden,
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  file: { wordBreak: 'break-all' },
  fileName: { fontWeight: tokens.fontWeightSemibold },
});

export type Importer = (sources: SubmissionSource[], options: ImportOptions) => Promise<ImportResult>;

export interface ImportPanelProps {
  asOf: string;
  locale: Locale;
  /** The pane's strings, for telling an Excel failure apart (protected workbook, editing…). */
  strings: Strings;
  /** Reads, checks and writes; injectable for tests. */
  importer?: Importer;
}

/**
 * A picked File as the importer reads it: its bytes only when its turn comes. FileReader, not
 * File.arrayBuffer(), which Excel 2019's Edge Legacy webview lacks.
 */
function fileSource(file: File): SubmissionSource {
  const read = () =>
    new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
      reader.readAsArrayBuffer(file);
    });
  return { name: file.name, read };
}

/** 「提出ブックを取り込む」: pick submitted workbooks, read them here, write the summary (and returns). */
export function ImportPanel({ asOf, locale, strings, importer = importSubmissions }: ImportPanelProps) {
  const styles = useStyles();
  const t = importStringsFor(locale);
  const input = useRef<HTMLInputElement>(null);
  const [returns, setReturns] = useState(true);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ text: string; value: number } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function run(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    setProgress({ text: t.progress(0, files.length, files[0].name), value: 0 });
    try {
      const outcome = await importer(files.map(fileSource), {
        asOf,
        locale,
        returns,
        onProgress: (done, total, name) => setProgress({ text: t.progress(done, total, name), value: total > 0 ? done / total : 1 }),
      });
      setResult(outcome);
    } catch (err) {
      setFailure(describeFailure(err, 'summary', strings));
    } finally {
      setBusy(false);
      setProgress(null);
      // the same files can be picked again (a change event needs a new value)
      if (input.current) input.current.value = '';
    }
  }

  const unreadable = result?.files.filter((f) => f.status === 'unreadable').length ?? 0;
  return (
    <section className={styles.panel} aria-labelledby="import-heading">
      <Subtitle2 as="h2" id="import-heading" className={styles.heading}>
        {t.heading}
      </Subtitle2>
      <Body1>{t.hint}</Body1>
      <Checkbox checked={returns} onChange={(_, data) => setReturns(data.checked === true)} label={t.withReturns} disabled={busy} />
      <div>
        <Button onClick={() => input.current?.click()} disabled={busy}>
          {busy ? t.importing : t.choose}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.xlsm"
          aria-label={t.chooseLabel}
          className={styles.input}
          tabIndex={-1}
          data-testid="import-files"
          onChange={(e) => void run(Array.from(e.currentTarget.files ?? []))}
        />
      </div>
      {progress && (
        <Field validationMessage={progress.text} validationState="none">
          <ProgressBar value={progress.value} aria-label={progress.text} />
        </Field>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{failure.what}</MessageBarTitle>
            {failure.todo}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <MessageBar intent={unreadable > 0 ? 'warning' : 'success'} layout="multiline" data-testid="import-result">
            <MessageBarBody>
              <div>{t.done(result.files.length, result.summarySheet)}</div>
              {returns && <div>{t.returnsDone(result.returnSheets)}</div>}
              {unreadable > 0 && <div>{t.someUnreadable(unreadable)}</div>}
            </MessageBarBody>
          </MessageBar>
          <Body1Strong as="h3" className={styles.heading}>
            {t.resultsHeading}
          </Body1Strong>
          <ul className={styles.files} data-testid="import-files-result">
            {result.files.map((f) => {
              const items = f.sheets.reduce((n, s) => n + (s.template ? s.rows.length : 0), 0);
              const count = (severity: string) => f.sheets.reduce((n, s) => n + s.issues.filter((i) => i.severity === severity).length, 0);
              return (
                <li key={f.file} className={styles.file}>
                  <span className={styles.fileName}>{f.file}</span>
                  {t.separator}
                  {f.status === 'ok' ? t.fileOk(items, count('error'), count('warning')) : f.status === 'unrecognized' ? t.fileUnrecognized : t.fileUnreadable(f.error ?? '')}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
