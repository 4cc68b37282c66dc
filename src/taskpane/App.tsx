// The task pane: inside Excel, the check panel; outside Excel (a plain browser), a readable note
// saying where to open it. The page never goes blank.
import { useEffect, useState } from 'react';
import { Body1, Button, FluentProvider, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { localIsoDate } from '../hosts/office/actions';
import { CheckPanel } from './components/CheckPanel';
import { SettingsView } from './settings/SettingsView';
import { settingsStringsFor } from './settings/settingsStrings';
import { NotInOffice } from './NotInOffice';
import { officeReady, type OfficeEnvironment, type OfficeReadyOptions } from './officeReady';
import { officePaneHost, type PaneHost } from './paneHost';
import { localeOf, stringsFor } from './strings';
import { appTheme } from './theme';

/** After the 3 s timeout, keep listening this long in case Office.js answers late (slow PCs). */
export const LATE_READY_TIMEOUT_MS = 60000;

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalL },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  intro: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  /** How to detect Office; injectable for tests. */
  ready?: (options?: OfficeReadyOptions) => Promise<OfficeEnvironment>;
  /** What the pane asks of Excel; injectable for tests. */
  host?: PaneHost;
  /** Today (YYYY-MM-DD), the default as-of date. */
  today?: string;
}

export function App({ ready = officeReady, host = officePaneHost, today = localIsoDate() }: AppProps) {
  const styles = useStyles();
  const [environment, setEnvironment] = useState<OfficeEnvironment | null>(null);
  const locale = localeOf(environment?.displayLanguage ?? 'ja');
  const strings = stringsFor(locale);
  // The settings view replaces the check panel, which stays mounted (its results and watch live on).
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    let live = true;
    ready().then((first) => {
      if (!live) return;
      setEnvironment(first);
      if (first.reason === 'timeout') {
        ready({ timeoutMs: LATE_READY_TIMEOUT_MS }).then((late) => {
          if (live && late.inOffice) setEnvironment(late);
        });
      }
    });
    return () => {
      live = false;
    };
  }, [ready]);

  return (
    <FluentProvider theme={appTheme} className={styles.root}>
      <main className={styles.main}>
        <Title2 as="h1" className={styles.heading}>
          {strings.title}
        </Title2>
        {environment === null ? (
          <Spinner size="small" label="読み込み中…" />
        ) : environment.inOffice ? (
          <>
            <div className={styles.intro}>
              <Body1>{strings.intro}</Body1>
              {host.readSettings && !settingsOpen && (
                <Button size="small" title={settingsStringsFor(locale).openHint} onClick={() => setSettingsOpen(true)}>
                  {settingsStringsFor(locale).open}
                </Button>
              )}
            </div>
            {settingsOpen && <SettingsView host={host} locale={locale} today={today} onClose={() => setSettingsOpen(false)} />}
            <div hidden={settingsOpen}>
              <CheckPanel host={host} strings={strings} locale={locale} today={today} />
            </div>
          </>
        ) : (
          <NotInOffice language={environment.displayLanguage} />
        )}
      </main>
    </FluentProvider>
  );
}
