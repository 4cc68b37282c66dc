import { useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Divider,
  Field,
  Input,
  type InputProps,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Textarea,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Locale } from '../../engine';
import type { Config } from '../../engine/config';
import { FIELD_CHOICES, type MappingHeader, type SheetMapping } from '../../engine/profiles/mapping';
import type { PaneHost } from '../paneHost';
import { buttonRow } from '../styles';
import { type EvaluationMode, type SettingsForm, configFileText, configFromForm, formFromConfig, gradeRowsOf, parseConfigFile, type FormErrors } from './form';
import { type SettingsStrings, settingsStringsFor } from './settingsStrings';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none' },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  gradeRow: { display: 'grid', gridTemplateColumns: 'minmax(3em, 1fr) minmax(5em, 1.6fr) 32px', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  remove: { minWidth: '32px', width: '32px', padding: 0 },
  // a grid cell's input shrinks to its column (an <input> is ~20 characters wide by itself)
  cell: { minWidth: 0 },
  cellInput: { minWidth: 0, width: '100%' },
  cellInputElement: { minWidth: 0, width: '100%' },
  buttons: buttonRow,
  hint: { color: tokens.colorNeutralForeground3, margin: 0 },
  hidden: { display: 'none' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string } | null;

export interface SettingsViewProps {
  host: PaneHost;
  locale: Locale;
  today: string;
  onClose: () => void;
  /** Hands the exported file to the browser; injectable for tests. */
  download?: (name: string, text: string) => void;
}

/** A Blob link clicked: the browser saves the file (no request leaves the PC). */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A field's message and state for the form error at `key` (none when that part is right). */
function validation(errors: FormErrors, key: string): { validationMessage: string | undefined; validationState: 'error' | 'none' } {
  return { validationMessage: errors[key], validationState: errors[key] ? 'error' : 'none' };
}

/** A file's text through FileReader (Blob.text() is missing in Office 2019's webview). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

/** The workbook's settings: grade scale, fiscal year, evaluation scale, departments, the sheet's columns. */
export function SettingsView({ host, locale, today, onClose, download = downloadText }: SettingsViewProps) {
  const styles = useStyles();
  const say = settingsStringsFor(locale);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [base, setBase] = useState<Config | null>(null);
  const [form, setForm] = useState<SettingsForm>(formFromConfig(null));
  const [mapping, setMapping] = useState<SheetMapping | null>(null);
  const [headers, setHeaders] = useState<MappingHeader[]>([]);
  const [mappingTouched, setMappingTouched] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** The last exported text, shown too: some Excel webviews save no file from a Blob link. */
  const [exportedText, setExportedText] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const view = useRef<HTMLElement>(null);
  /** Bumped by each refused save or export: the first field in error then takes the focus. */
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused === 0) return;
    const first = view.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    first?.scrollIntoView?.({ block: 'center' });
  }, [refused]);

  useEffect(() => {
    let live = true;
    if (!host.readSettings) {
      setLoading(false);
      return;
    }
    host
      .readSettings({ asOf: today, locale })
      .then((read) => {
        if (!live) return;
        setBase(read.config);
        setForm(formFromConfig(read.config));
        setMapping(read.mapping);
        setHeaders(read.mapping?.headers ?? []);
        setProblem(read.problem);
      })
      .catch(() => live && setNotice({ intent: 'error', text: say.readFailed }))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [host, today, locale, say.readFailed]);

  const evaluate = (next: SettingsForm, nextHeaders: MappingHeader[], touched: boolean, nextBase: Config | null = base) =>
    configFromForm(next, nextBase, say, touched && mapping ? { sheetName: mapping.sheetName, headers: nextHeaders } : null);

  const update = (change: Partial<SettingsForm>) => {
    const next = { ...form, ...change };
    setForm(next);
    if (attempted) setErrors(evaluate(next, headers, mappingTouched).errors);
  };
  const updateGrade = (i: number, change: Partial<SettingsForm['gradeScale'][number]>) =>
    update({ gradeScale: form.gradeScale.map((row, j) => (j === i ? { ...row, ...change } : row)) });
  const choose = (column: string, choice: string) => {
    const next = headers.map((h) => (h.column === column ? { ...h, choice } : h));
    setHeaders(next);
    setMappingTouched(true);
    if (attempted) setErrors(evaluate(form, next, true).errors);
  };

  /** The configuration, or the errors shown at their fields. */
  const validated = (): Config | null => {
    setAttempted(true);
    const result = evaluate(form, headers, mappingTouched);
    setErrors(result.errors);
    const count = Object.keys(result.errors).length;
    if (count > 0) {
      setNotice({ intent: 'error', text: say.fixErrors(count) });
      setRefused((n) => n + 1);
    }
    return result.config;
  };

  async function save() {
    const config = validated();
    if (!config || !host.saveSettings) return;
    setBusy(true);
    setNotice(null);
    try {
      await host.saveSettings(Object.keys(config).length ? config : null);
      setBase(config);
      setProblem(null);
      setMappingTouched(false);
      setNotice({ intent: 'success', text: say.saved });
    } catch {
      setNotice({ intent: 'error', text: say.saveFailed });
    } finally {
      setBusy(false);
    }
  }

  function exportFile() {
    const config = validated();
    if (!config) return;
    const text = configFileText(config);
    setExportedText(text);
    try {
      download(say.exportedName, text);
    } catch {
      // the text below stays for copying
    }
    setNotice({ intent: 'success', text: say.exported(say.exportedName) });
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const parsed = parseConfigFile(file.name, await readText(file), say);
    if (!parsed.ok) {
      setNotice({ intent: 'error', text: parsed.message });
      return;
    }
    setBase(parsed.config);
    const next = formFromConfig(parsed.config);
    setForm(next);
    setErrors(attempted ? evaluate(next, headers, mappingTouched, parsed.config).errors : {});
    setNotice({ intent: 'info', text: say.imported(file.name) });
  }

  /** A cell of the grade scale: an input that shrinks to its grid column, with the error of `key`. */
  const gradeCell = (key: string, input: InputProps) => (
    <Field className={styles.cell} {...validation(errors, key)}>
      <Input className={styles.cellInput} input={{ className: styles.cellInputElement }} {...input} />
    </Field>
  );

  return (
    <section className={styles.view} aria-labelledby="settings-heading" data-testid="settings-view" ref={view}>
      <Subtitle1 as="h2" id="settings-heading" className={styles.heading}>
        {say.heading}
      </Subtitle1>
      <Body1 as="p" className={styles.hint}>
        {say.intro}
      </Body1>
      {loading ? (
        <Spinner size="small" label={say.loading} />
      ) : (
        <>
          {problem && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{say.problemInWorkbook(problem)}</MessageBarBody>
            </MessageBar>
          )}
          <fieldset className={styles.section}>
            <legend className={styles.legend}>{say.gradeScale}</legend>
            <Body1 as="p" className={styles.hint}>
              {say.gradeScaleHint}
            </Body1>
            <div className={styles.gradeRow} aria-hidden="true">
              <span className={styles.hint}>{say.grade}</span>
              <span className={styles.hint}>{say.min}</span>
            </div>
            {form.gradeScale.map((row, i) => {
              const last = i === form.gradeScale.length - 1;
              return (
                <div className={styles.gradeRow} key={i}>
                  {gradeCell(`gradeScale.${i}.grade`, {
                    'aria-label': say.gradeLabel(i + 1),
                    value: row.grade,
                    onChange: (_, d) => updateGrade(i, { grade: d.value }),
                  })}
                  {gradeCell(`gradeScale.${i}.min`, {
                    'aria-label': say.minLabel(i + 1),
                    value: row.min,
                    inputMode: 'decimal',
                    placeholder: last ? say.below : undefined,
                    contentAfter: '%',
                    onChange: (_, d) => updateGrade(i, { min: d.value }),
                  })}
                  <Button
                    appearance="subtle"
                    className={styles.remove}
                    aria-label={say.removeGrade(row.grade)}
                    title={say.removeGrade(row.grade)}
                    disabled={form.gradeScale.length <= 2}
                    onClick={() => update({ gradeScale: form.gradeScale.filter((_, j) => j !== i) })}
                  >
                    ×
                  </Button>
                </div>
              );
            })}
            {errors.gradeScale && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{errors.gradeScale}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.buttons}>
              <Button size="small" onClick={() => update({ gradeScale: [...form.gradeScale, { grade: '', min: '' }] })}>
                {say.addGrade}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => update({ gradeScale: gradeRowsOf(undefined) })}>
                {say.resetGrades}
              </Button>
            </div>
          </fieldset>
          <Field label={say.fiscalYearStartMonth}>
            <Select value={String(form.fiscalYearStartMonth)} onChange={(_, d) => update({ fiscalYearStartMonth: Number(d.value) })}>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {say.month(i + 1)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={say.fiscalYear} hint={say.fiscalYearHint} {...validation(errors, 'fiscalYear')}>
            <Input value={form.fiscalYear} inputMode="numeric" onChange={(_, d) => update({ fiscalYear: d.value })} />
          </Field>
          <Field label={say.evaluationScale}>
            <Select value={form.evaluationMode} onChange={(_, d) => update({ evaluationMode: d.value as EvaluationMode })}>
              <option value="auto">{say.evaluationAuto}</option>
              <option value="letters">{say.evaluationLetters}</option>
              <option value="symbols">{say.evaluationSymbols}</option>
              <option value="list">{say.evaluationList}</option>
              {form.evaluationMode === 'keep' && <option value="keep">{say.evaluationKeep}</option>}
            </Select>
          </Field>
          {form.evaluationMode === 'list' && (
            <Field label={say.evaluationValues} {...validation(errors, 'evaluationValues')}>
              <Input value={form.evaluationValues} placeholder={say.evaluationValuesExample} onChange={(_, d) => update({ evaluationValues: d.value })} />
            </Field>
          )}
          <Field label={say.departments} hint={say.departmentsHint}>
            <Textarea value={form.departments} resize="vertical" rows={4} onChange={(_, d) => update({ departments: d.value })} />
          </Field>
          <Divider />
          <MappingSection say={say} mapping={mapping} headers={headers} errors={errors} onChoose={choose} styles={styles} />
          {errors.config && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{errors.config}</MessageBarBody>
            </MessageBar>
          )}
          <div role="status" aria-live="polite">
            {notice && (
              <MessageBar intent={notice.intent} layout="multiline">
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={save} disabled={busy || !host.saveSettings}>
              {busy ? say.saving : say.save}
            </Button>
            <Button onClick={onClose}>{say.close}</Button>
          </div>
          <div className={styles.buttons}>
            <Button size="small" onClick={exportFile}>
              {say.exportJson}
            </Button>
            <Button size="small" onClick={() => fileInput.current?.click()}>
              {say.importJson}
            </Button>
            <input
              ref={fileInput}
              className={styles.hidden}
              type="file"
              accept=".json,application/json"
              aria-label={say.importJson}
              data-testid="settings-import"
              onChange={(event) => {
                const input = event.currentTarget;
                void importFile(input.files?.[0]).finally(() => {
                  input.value = '';
                });
              }}
            />
          </div>
          {exportedText && (
            <Field label={say.exportedText}>
              <Textarea value={exportedText} readOnly rows={6} resize="vertical" textarea={{ className: styles.code }} />
            </Field>
          )}
        </>
      )}
    </section>
  );
}

function MappingSection({
  say,
  mapping,
  headers,
  errors,
  onChoose,
  styles,
}: {
  say: SettingsStrings;
  mapping: SheetMapping | null;
  headers: MappingHeader[];
  errors: FormErrors;
  onChoose: (column: string, choice: string) => void;
  styles: ReturnType<typeof useStyles>;
}) {
  return (
    <fieldset className={styles.section} data-testid="settings-mapping">
      <legend className={styles.legend}>{say.mapping}</legend>
      {!mapping ? (
        <Body1 as="p" className={styles.hint}>
          {say.mappingNone}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.hint}>
            {say.mappingHint(mapping.sheetName)} {mapping.source === 'check' ? say.mappingFromCheck(mapping.templateName ?? mapping.template ?? '') : say.mappingFromProposal}
          </Body1>
          {errors.mapping && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{errors.mapping}</MessageBarBody>
            </MessageBar>
          )}
          {headers.map((h) => {
            const choices = FIELD_CHOICES.includes(h.choice) ? FIELD_CHOICES : [...FIELD_CHOICES, h.choice];
            const key = `mapping.${h.column}`;
            return (
              <Field key={h.column} label={say.column(h.column, h.label)} {...validation(errors, key)}>
                <Select value={h.choice} onChange={(_, d) => onChoose(h.column, d.value)}>
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {say.choices[c] ?? say.choices[c.split(':')[0]] ?? c}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </>
      )}
    </fieldset>
  );
}
