/**
 * Style fragments the pane's components share, spread into their own makeStyles so that each
 * component keeps its class names (and tests their structure) while the rule itself is written once.
 */
import { type GriffelStyle, tokens } from '@fluentui/react-components';

/** In the page for screen readers (a polite announcement, a file input driven by a button), not shown. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

/** A panel's parts, one under another with the pane's usual gap. */
export const stacked: GriffelStyle = { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS };

/** A row of buttons that wraps in a narrow pane. */
export const buttonRow: GriffelStyle = { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS };
