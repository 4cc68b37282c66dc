import type { z } from 'zod';
import type { Config } from './config';
import type { acknowledgementSchema, workbookSettingsSchema } from './workbookSettingsSchema';

/**
 * Settings a workbook carries for every colleague who opens it, and for the command line: the
 * configuration (grade scale, fiscal year, evaluation scale, departments, a column mapping as a
 * profile) and the warnings a person acknowledged with a reason (理由あり).
 *
 * Stored as a custom XML part (ExcelApi 1.5; customXml/itemN.xml in the package), so the task pane
 * writes it and the command line reads it from the file; JSON inside one element of our namespace.
 * The zod schema is workbookSettingsSchema.ts, loaded only when a settings part is read or written.
 */
export const WORKBOOK_SETTINGS_NAMESPACE = 'urn:progress-sheet-checker:workbook-settings:1';
const ROOT = 'progressSheetChecker';

/** Warnings that a person may acknowledge: what the reform office wants to see, not an error. */
export const ACKNOWLEDGEABLE = ['grade-mismatch', 'computed-mismatch', 'unknown-department'] as const;

export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
export type WorkbookSettings = z.infer<typeof workbookSettingsSchema>;

/** The schema module, loaded on first use: zod is not loaded when the engine loads (start-up time of every worker). */
function settingsSchema(): typeof import('./workbookSettingsSchema') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./workbookSettingsSchema') as typeof import('./workbookSettingsSchema');
}

export function emptySettings(): WorkbookSettings {
  return { version: 1, acknowledgements: [] };
}

/** The custom XML part's text: one element of our namespace holding the settings as JSON. */
export function encodeSettingsXml(settings: WorkbookSettings): string {
  const json = JSON.stringify(settingsSchema().workbookSettingsSchema.parse(settings));
  return `<?xml version="1.0" encoding="UTF-8"?><${ROOT} xmlns="${WORKBOOK_SETTINGS_NAMESPACE}">${escapeXml(json)}</${ROOT}>`;
}

/** What is wrong with a settings part, and what to do, in either language. */
const PROBLEMS = {
  ja: {
    unreadable: 'ブックの設定（カスタム XML）を読めません。作業ウィンドウの設定で保存し直してください。',
    notJson: 'ブックの設定が JSON として読めません。作業ウィンドウの設定で保存し直してください。',
    invalid: (detail: string) => `ブックの設定が正しくありません: ${detail}。作業ウィンドウの設定で保存し直してください。`,
  },
  en: {
    unreadable: "The workbook's settings (custom XML) cannot be read. Save them again from the task pane.",
    notJson: "The workbook's settings are not valid JSON. Save them again from the task pane.",
    invalid: (detail: string) => `The workbook's settings are not valid: ${detail}. Save them again from the task pane.`,
  },
};

export type DecodedSettings = { ok: true; settings: WorkbookSettings } | { ok: false; problem: string };

/**
 * Settings from the part's text. A part that is damaged or was edited by hand into something
 * invalid is a problem a person can act on, never a crash: the check goes on without it.
 */
export function decodeSettingsXml(xml: string, locale: 'ja' | 'en' = 'ja'): DecodedSettings {
  const say = PROBLEMS[locale];
  const open = xml.indexOf(`<${ROOT}`);
  const start = open < 0 ? -1 : xml.indexOf('>', open);
  const end = xml.lastIndexOf(`</${ROOT}>`);
  if (open < 0 || start < 0 || end < start) return { ok: false, problem: say.unreadable };
  let data: unknown;
  try {
    data = JSON.parse(unescapeXml(xml.slice(start + 1, end)));
  } catch {
    return { ok: false, problem: say.notJson };
  }
  const { workbookSettingsSchema, describeProblems } = settingsSchema();
  const result = workbookSettingsSchema.safeParse(data);
  if (!result.success) return { ok: false, problem: say.invalid(describeProblems(result.error)) };
  return { ok: true, settings: result.data };
}

/**
 * The configuration a check of this workbook uses: the workbook's own, with the command line's
 * --config on top (the reform office's standards win), and the profiles of both.
 */
export function mergeConfig(workbook: Config | undefined, command: Config | undefined): Config | undefined {
  if (!workbook) return command;
  if (!command) return workbook;
  const profiles = [...(command.profiles ?? []), ...(workbook.profiles ?? []).filter((p) => !(command.profiles ?? []).some((c) => c.id === p.id))];
  return { ...workbook, ...command, ...(profiles.length ? { profiles } : {}) };
}

/** This sheet's acknowledgements, by "cell code". */
export function acknowledgementsOf(settings: WorkbookSettings | null | undefined, sheet: string): Map<string, Acknowledgement> {
  const out = new Map<string, Acknowledgement>();
  for (const a of settings?.acknowledgements ?? []) if (a.sheet === sheet) out.set(`${a.cell} ${a.code}`, a);
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');
}
