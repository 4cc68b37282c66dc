// Ribbon commands (manifest: ExecuteFunction checkActiveSheet / buildSummary, in commands.html).
// Thin on purpose: each command runs the Office host's action and always tells Excel it is done,
// even when the action fails, so the ribbon button never stays busy.
import { buildSummaryCommand, checkActiveSheetCommand } from '../hosts/office/actions';
import { officeLocale } from '../hosts/office/requirements';
import type { PaneAction } from '../taskpane/strings';
import { stringsFor } from '../taskpane/strings';
import { type Notice, type OfficeUiLike, checkNotice, failureNotice, showNotice, summaryNotice } from './feedback';

/** What Excel passes to an ExecuteFunction command. */
export interface CommandEvent {
  completed: (options?: unknown) => void;
}

export type CommandHandler = (event?: CommandEvent) => Promise<void>;

function completeQuietly(event: CommandEvent | undefined): void {
  try {
    event?.completed();
  } catch (error) {
    console.error('進行管理票チェッカー: event.completed() failed', error);
  }
}

function officeGlobal(): OfficeUiLike | undefined {
  return (globalThis as unknown as { Office?: OfficeUiLike }).Office;
}

function pageAddress(): string {
  return typeof location !== 'undefined' ? location.href : '';
}

/**
 * A ribbon command: runs the action, then tells the person what happened (or, on failure, what
 * went wrong and what to do) in a small dialog, and always releases the button.
 */
export function asCommand(name: string, action: PaneAction, run: () => Promise<Notice>): CommandHandler {
  return async (event) => {
    const strings = stringsFor(officeLocale());
    let notice: Notice;
    try {
      notice = await run();
    } catch (error) {
      console.error(`進行管理票チェッカー: ${name} failed`, error);
      notice = failureNotice(error, action, strings);
    }
    try {
      await showNotice(officeGlobal(), pageAddress(), notice);
    } finally {
      completeQuietly(event);
    }
  };
}

/** Function names exactly as manifest.xml's <FunctionName> elements spell them. */
export const commands: Readonly<Record<'checkActiveSheet' | 'buildSummary', CommandHandler>> = {
  checkActiveSheet: asCommand('checkActiveSheet', 'check', async () =>
    checkNotice(await checkActiveSheetCommand(), stringsFor(officeLocale())),
  ),
  buildSummary: asCommand('buildSummary', 'summary', async () => summaryNotice(await buildSummaryCommand(), stringsFor(officeLocale()))),
};

interface OfficeActionsLike {
  actions?: { associate?: (name: string, handler: (event?: CommandEvent) => unknown) => void };
  onReady?: () => Promise<unknown> | undefined;
}

/**
 * Registers the commands with Office.actions.associate where this Office.js has it, and also as
 * global functions, which is how hosts without `Office.actions` find ExecuteFunction handlers.
 */
export function registerCommands(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  const office = target.Office as OfficeActionsLike | undefined;
  const associate = office?.actions?.associate;
  for (const [name, handler] of Object.entries(commands)) {
    if (typeof associate === 'function') {
      try {
        associate.call(office?.actions, name, handler);
      } catch (error) {
        console.error(`進行管理票チェッカー: Office.actions.associate(${name}) failed`, error);
      }
    }
    target[name] = handler;
  }
  // The function file must initialise Office.js before Excel can call into it.
  try {
    const pending = office?.onReady?.();
    if (pending && typeof (pending as Promise<unknown>).catch === 'function') {
      (pending as Promise<unknown>).catch(() => undefined);
    }
  } catch {
    // Office.js missing or broken: the globals above are all that can be done.
  }
}

registerCommands();
