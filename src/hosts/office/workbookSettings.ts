/**
 * The workbook's own settings (acknowledged warnings, 理由あり), kept in a custom XML part of our
 * namespace (ExcelApi 1.5), in the format the command line reads (src/engine/workbookSettings.ts).
 */
import {
  type Acknowledgement,
  WORKBOOK_SETTINGS_NAMESPACE,
  type WorkbookSettings,
  decodeSettingsXml,
  emptySettings,
  encodeSettingsXml,
} from '../../engine/workbookSettings';
import { supportsExcelApi } from './requirements';
import { type RetryOptions, runWithRetry } from './runWithRetry';
import type { Session } from './session';

export interface SettingsRead {
  settings: WorkbookSettings | null;
  /** Why the part could not be used (damaged, edited by hand), for the pane to show. */
  problem: string | null;
}

/**
 * Reads the settings part alongside whatever else the session syncs: the lookup rides the next
 * sync, the text the one after. `ready()` syncs only for what has not come yet.
 */
export class SettingsReader {
  private part: Excel.CustomXmlPart | null = null;
  private xml: OfficeExtension.ClientResult<string> | null = null;
  private done = false;

  constructor(private readonly session: Session) {
    if (!supportsExcelApi('1.5')) {
      this.done = true;
      return;
    }
    this.part = session.context.workbook.customXmlParts.getByNamespace(WORKBOOK_SETTINGS_NAMESPACE).getOnlyItemOrNullObject();
    this.part.load('id');
    session.expect(300, 100);
    session.afterNextSync(() => this.step());
  }

  private step(): void {
    if (!this.part || this.part.isNullObject) {
      this.done = true;
      return;
    }
    this.xml = this.part.getXml();
    this.session.expect(200, 4000);
    this.session.afterNextSync(() => {
      this.done = true;
    });
  }

  async ready(): Promise<SettingsRead> {
    while (!this.done) await this.session.sync();
    if (!this.xml) return { settings: null, problem: null };
    const decoded = decodeSettingsXml(this.xml.value);
    return decoded.ok ? { settings: decoded.settings, problem: null } : { settings: null, problem: decoded.problem };
  }
}

/** The key that identifies an acknowledgement: sheet, cell and code. */
export function sameWarning(a: Pick<Acknowledgement, 'sheet' | 'cell' | 'code'>, b: Pick<Acknowledgement, 'sheet' | 'cell' | 'code'>): boolean {
  return a.sheet === b.sheet && a.cell === b.cell && a.code === b.code;
}

/**
 * Changes the settings part in one Excel.run (two syncs: read, write). `change` gets the current
 * settings (empty when there is no part, or when it is damaged) and returns the new ones.
 */
export async function updateWorkbookSettings(
  change: (settings: WorkbookSettings) => WorkbookSettings,
  options: { retry?: RetryOptions } = {},
): Promise<WorkbookSettings> {
  return runWithRetry(async (context) => {
    const part = context.workbook.customXmlParts.getByNamespace(WORKBOOK_SETTINGS_NAMESPACE).getOnlyItemOrNullObject();
    part.load('id');
    await context.sync();
    let current = emptySettings();
    if (!part.isNullObject) {
      const xml = part.getXml();
      await context.sync();
      const decoded = decodeSettingsXml(xml.value);
      if (decoded.ok) current = decoded.settings;
    }
    const next = change(current);
    const text = encodeSettingsXml(next);
    if (part.isNullObject) context.workbook.customXmlParts.add(text);
    else part.setXml(text);
    await context.sync();
    return next;
  }, options.retry);
}

/** Saves (or replaces) one acknowledgement with its reason. */
export function saveAcknowledgement(ack: Acknowledgement, options: { retry?: RetryOptions } = {}): Promise<WorkbookSettings> {
  return updateWorkbookSettings(
    (s) => ({ ...s, acknowledgements: [...s.acknowledgements.filter((a) => !sameWarning(a, ack)), ack] }),
    options,
  );
}

/** Withdraws an acknowledgement: the warning is a plain warning again. */
export function withdrawAcknowledgement(
  key: Pick<Acknowledgement, 'sheet' | 'cell' | 'code'>,
  options: { retry?: RetryOptions } = {},
): Promise<WorkbookSettings> {
  return updateWorkbookSettings((s) => ({ ...s, acknowledgements: s.acknowledgements.filter((a) => !sameWarning(a, key)) }), options);
}
