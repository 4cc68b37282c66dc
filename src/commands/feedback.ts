/**
 * What a ribbon button tells the person when it is done: Excel gives ExecuteFunction commands no
 * place to write, so the outcome opens in a small Office dialog (the task pane's page in notice
 * mode, noticePage.tsx). Messages are built here from the pane's strings, per cause.
 */
import type { CheckActiveSheetResult } from '../hosts/office/actions';
import type { SummaryRunResult } from '../hosts/office/summarySheet';
import { describeFailure } from '../taskpane/failure';
import type { PaneAction, Strings } from '../taskpane/strings';

export interface Notice {
  intent: 'success' | 'warning' | 'error';
  title: string;
  body: string;
}

export const NOTICE_PARAM = 'notice';

export function checkNotice(result: CheckActiveSheetResult, strings: Strings): Notice {
  if (!result.check.template) return { intent: 'warning', title: strings.check, body: strings.notProgressSheet };
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of result.check.issues) counts[issue.severity]++;
  const done = strings.announceChecked(result.sheetName, counts.error, counts.warning, counts.info);
  if (result.notWritten) return { intent: 'warning', title: done, body: strings.notWritten[result.notWritten] };
  return { intent: counts.error ? 'warning' : 'success', title: done, body: strings.ribbonChecked };
}

export function summaryNotice(result: SummaryRunResult, strings: Strings): Notice {
  const sheets = result.checked.filter((c) => c.check.template).length;
  return { intent: 'success', title: strings.buildSummary, body: strings.summaryBuilt(result.sheetName, sheets) };
}

export function failureNotice(error: unknown, action: PaneAction, strings: Strings): Notice {
  const failure = describeFailure(error, action, strings);
  return { intent: 'error', title: failure.what, body: `${failure.todo}\n\n${failure.detail}` };
}

/** The dialog page's address: the task pane's page beside this one, with the notice in its query. */
export function noticeUrl(base: string, notice: Notice): string {
  const folder = base.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return `${folder}taskpane.html?${NOTICE_PARAM}=${encodeURIComponent(JSON.stringify(notice))}`;
}

/** The notice a dialog page was opened with, or null (the ordinary task pane). */
export function noticeFromUrl(href: string): Notice | null {
  try {
    const query = href.replace(/#.*$/, '').split('?')[1] ?? '';
    const pair = query.split('&').find((p) => p.startsWith(`${NOTICE_PARAM}=`));
    const raw = pair ? decodeURIComponent(pair.slice(NOTICE_PARAM.length + 1)) : null;
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Notice>;
    if (typeof parsed.title !== 'string' || typeof parsed.body !== 'string') return null;
    const intent = parsed.intent === 'error' || parsed.intent === 'warning' ? parsed.intent : 'success';
    return { intent, title: parsed.title, body: parsed.body };
  } catch {
    return null;
  }
}

/** The part of Office.js a notice needs. */
export interface OfficeUiLike {
  context?: {
    ui?: {
      displayDialogAsync?: (
        url: string,
        options: { height: number; width: number; displayInIframe: boolean },
        callback: (result: { status: string; value?: { addEventHandler: (type: string, handler: () => void) => void; close: () => void } }) => void,
      ) => void;
    };
  };
  EventType?: { DialogMessageReceived?: string };
}

/**
 * Opens the notice in an Office dialog (DialogApi 1.1). Resolves once it is shown (or could not
 * be: then the notice goes to the console, the only place left). The dialog closes itself.
 */
export function showNotice(office: OfficeUiLike | undefined, base: string, notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    const display = office?.context?.ui?.displayDialogAsync;
    if (typeof display !== 'function') {
      console.warn(`進行管理票チェッカー: ${notice.title} ${notice.body}`);
      resolve();
      return;
    }
    try {
      display.call(office?.context?.ui, noticeUrl(base, notice), { height: 30, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== 'succeeded' || !result.value) console.warn(`進行管理票チェッカー: ${notice.title} ${notice.body}`);
        else {
          const dialog = result.value;
          dialog.addEventHandler(office?.EventType?.DialogMessageReceived ?? 'dialogMessageReceived', () => dialog.close());
        }
        resolve();
      });
    } catch {
      console.warn(`進行管理票チェッカー: ${notice.title} ${notice.body}`);
      resolve();
    }
  });
}
