// Finds out whether the task pane runs inside Office, without ever hanging or throwing.
//
// Opened in a plain browser (someone clicks the link in an e-mail), the page must say "open me in
// Excel" instead of waiting forever: Office.js is missing there (window.Office undefined, e.g. the
// CDN is unreachable on a closed network), or it is present and reports no host, or it never calls
// back at all. Each case resolves, the last one after a timeout.

/** What the task pane needs to know about where it runs. */
export interface OfficeEnvironment {
  /** true only when Office.js reported a host application (Excel). */
  inOffice: boolean;
  /** Office's display language inside Office (e.g. "ja-JP"), else the browser's language. */
  displayLanguage: string;
  /** Why inOffice is what it is; for diagnostics and for retrying after a timeout. */
  reason: 'ready' | 'no-office-js' | 'no-host' | 'timeout' | 'error';
}

/** The part of Office.js this module touches (so tests can pass a fake). */
export interface OfficeLike {
  onReady?: () => Promise<{ host?: unknown; platform?: unknown } | undefined> | undefined;
  context?: { displayLanguage?: string };
}

export interface OfficeReadyOptions {
  /** How long to wait for Office.onReady before giving up. Default 3 s. */
  timeoutMs?: number;
  /** The Office global to use; defaults to window.Office. Pass undefined to mean "absent". */
  office?: OfficeLike;
  /** Language used outside Office; defaults to navigator.language. */
  browserLanguage?: string;
}

export const OFFICE_READY_TIMEOUT_MS = 3000;

/** The browser's language, or Japanese when there is no navigator (tests, old hosts). */
export function browserLanguage(): string {
  if (typeof navigator !== 'undefined' && typeof navigator.language === 'string' && navigator.language) {
    return navigator.language;
  }
  return 'ja-JP';
}

/** true for English display languages ("en", "en-US", "en-GB"...). */
export function prefersEnglish(language: string): boolean {
  return language.toLowerCase().startsWith('en');
}

function globalOffice(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

export function officeReady(options: OfficeReadyOptions = {}): Promise<OfficeEnvironment> {
  const fallbackLanguage = options.browserLanguage ?? browserLanguage();
  const office = 'office' in options ? options.office : globalOffice();
  const timeoutMs = options.timeoutMs ?? OFFICE_READY_TIMEOUT_MS;
  const outside = (reason: OfficeEnvironment['reason']): OfficeEnvironment => ({
    inOffice: false,
    displayLanguage: fallbackLanguage,
    reason,
  });

  if (!office || typeof office.onReady !== 'function') return Promise.resolve(outside('no-office-js'));
  const onReady = office.onReady;

  return new Promise<OfficeEnvironment>((resolve) => {
    let settled = false;
    const finish = (environment: OfficeEnvironment) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(environment);
    };
    const timer = setTimeout(() => finish(outside('timeout')), timeoutMs);

    const onInfo = (info: { host?: unknown } | undefined) => {
      if (!info || !info.host) {
        finish(outside('no-host'));
        return;
      }
      let language = fallbackLanguage;
      try {
        language = office.context?.displayLanguage || fallbackLanguage;
      } catch {
        // keep the browser's language
      }
      finish({ inOffice: true, displayLanguage: language, reason: 'ready' });
    };

    try {
      Promise.resolve(onReady.call(office)).then(onInfo, () => finish(outside('error')));
    } catch {
      finish(outside('error'));
    }
  });
}
