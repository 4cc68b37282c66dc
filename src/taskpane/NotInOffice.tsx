import { MessageBar, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { prefersEnglish } from './officeReady';

export const NOT_IN_OFFICE_JA =
  'このページは Excel の作業ウィンドウで開いてください。Excel の［ホーム］→［アドイン］から『進行管理票チェッカー』を開くと使えます。';
export const NOT_IN_OFFICE_EN =
  'Please open this page in the Excel task pane: in Excel, choose Home > Add-ins > Progress Sheet Checker.';

const useStyles = makeStyles({
  text: { margin: 0, lineHeight: 1.6 },
});

/** Shown when the page is opened outside Excel (a plain browser): says where to open it. */
export function NotInOffice({ language }: { language: string }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="not-in-office">
      <MessageBarBody>
        <p className={styles.text} lang="ja">
          {NOT_IN_OFFICE_JA}
        </p>
        {prefersEnglish(language) && (
          <p className={styles.text} lang="en">
            {NOT_IN_OFFICE_EN}
          </p>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
