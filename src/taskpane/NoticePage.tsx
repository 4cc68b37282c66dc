// The small dialog a ribbon button opens to say what it did (commands/feedback.ts): the title,
// what to do, and a button that asks the ribbon's page to close the dialog.
import { Body1, Button, FluentProvider, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Notice } from '../commands/feedback';
import { appTheme } from './theme';

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  body: { whiteSpace: 'pre-wrap', margin: 0 },
  error: { borderLeft: `4px solid ${tokens.colorStatusDangerBorder1}`, paddingLeft: tokens.spacingHorizontalS },
  warning: { borderLeft: `4px solid ${tokens.colorStatusWarningBorder1}`, paddingLeft: tokens.spacingHorizontalS },
  success: { borderLeft: `4px solid ${tokens.colorStatusSuccessBorder1}`, paddingLeft: tokens.spacingHorizontalS },
});

interface OfficeDialogChild {
  onReady?: () => Promise<unknown>;
  context?: { ui?: { messageParent?: (message: string) => void } };
}

function closeDialog(): void {
  const office = (globalThis as { Office?: OfficeDialogChild }).Office;
  try {
    office?.context?.ui?.messageParent?.('close');
  } catch {
    // Not in a dialog (opened directly): nothing to close.
  }
}

export function NoticePage({ notice, closeLabel, onClose = closeDialog }: { notice: Notice; closeLabel: string; onClose?: () => void }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={appTheme}>
      <main className={styles.root}>
        <div className={styles[notice.intent]} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <Title3 as="h1">{notice.title}</Title3>
          <Body1 as="p" className={styles.body}>
            {notice.body}
          </Body1>
        </div>
        <div>
          <Button appearance="primary" onClick={onClose}>
            {closeLabel}
          </Button>
        </div>
      </main>
    </FluentProvider>
  );
}
