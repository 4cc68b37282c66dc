import { type ReactNode, useState } from 'react';
import { Badge, Body1, Button, Caption1, Field, Input, Link, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue, ItemResult, Severity } from '../../engine';
import type { Strings } from '../strings';
import { type IssueFilter, SEVERITY_ORDER, applyFilter, groupByKind, issueKey, itemOf, walkOrder } from './issueGroups';

/** An element id for the issue (ids hold no white space). */
const domId = (issue: Issue) => `issue-${issue.cell}-${issue.code}-${issue.field}`.replace(/[^\w-]/g, '_');

const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  toolbar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  filter: { flexGrow: 1, minWidth: '10em' },
  stepper: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  position: { minWidth: '6.5em', textAlign: 'center' },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
  list: { margin: 0, padding: 0, listStyle: 'none' },
  issue: {
    display: 'grid',
    gridTemplateColumns: '3em 1fr',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
  },
  current: { backgroundColor: tokens.colorBrandBackground2, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  cell: { fontFamily: tokens.fontFamilyMonospace, alignSelf: 'start' },
  item: { gridColumn: '2', color: tokens.colorNeutralForeground2 },
  ack: { gridColumn: '2', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  reasonForm: { gridColumn: '2', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const REASON_MAX = 200;

export interface IssueNavigatorProps {
  issues: Issue[];
  rows: ItemResult[];
  strings: Strings;
  /** Selects the issue's cell in Excel. */
  onSelect: (cell: string) => void;
  /** Says something to screen readers (the pane's status region). */
  announce: (text: string) => void;
  /** Takes focus back to the pane's buttons. */
  onBackToTop: () => void;
  /** Whether the issue may be marked 理由あり (grade-mismatch, computed-mismatch, unknown-department). */
  canAcknowledge?: (issue: Issue) => boolean;
  onAcknowledge?: (issue: Issue, reason: string) => Promise<void>;
  onWithdraw?: (issue: Issue) => Promise<void>;
  /** More for one issue (a 修正 button where the engine has a safe fix). */
  renderIssueAction?: (issue: Issue) => ReactNode;
}

/** The 理由あり form of one issue: a short reason, saved or dropped. */
function ReasonForm({ issue, strings, onSave, onCancel }: { issue: Issue; strings: Strings; onSave: (reason: string) => Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const text = reason.trim();
    if (!text) return setProblem(strings.reasonRequired);
    if (text.length > REASON_MAX) return setProblem(strings.reasonTooLong);
    setSaving(true);
    try {
      await onSave(text);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className={styles.reasonForm}>
      <Field label={strings.reason} size="small" validationMessage={problem ?? undefined} validationState={problem ? 'error' : 'none'}>
        <Input
          size="small"
          value={reason}
          maxLength={REASON_MAX}
          data-testid={`reason-${issue.cell}`}
          onChange={(_, data) => {
            setReason(data.value);
            setProblem(null);
          }}
        />
      </Field>
      <div className={styles.ack}>
        <Button size="small" appearance="primary" onClick={() => void save()} disabled={saving}>
          {strings.saveReason}
        </Button>
        <Button size="small" onClick={onCancel} disabled={saving}>
          {strings.cancelReason}
        </Button>
      </div>
    </div>
  );
}

/**
 * The issues as Excel's own checking panes show them: grouped by kind with counts, a filter, and
 * 前へ / 次へ that walk them in that order, mark the current one and select its cell.
 */
export function IssueNavigator({ issues, rows, strings, onSelect, announce, onBackToTop, canAcknowledge, onAcknowledge, onWithdraw, renderIssueAction }: IssueNavigatorProps) {
  const styles = useStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const [filter, setFilter] = useState<IssueFilter>('all');
  const [current, setCurrent] = useState<string | null>(null);
  const shown = applyFilter(issues, filter);
  const order = walkOrder(shown);
  const index = current === null ? -1 : order.findIndex((i) => issueKey(i) === current);

  const itemLabel = (issue: Issue) => {
    const item = itemOf(rows, issue.row);
    return strings.item(item?.id ?? null, item ? (item.item ?? item.action) : null, issue.row);
  };

  const go = (issue: Issue) => {
    setCurrent(issueKey(issue));
    onSelect(issue.cell);
    const at = order.findIndex((i) => issueKey(i) === issueKey(issue));
    announce(`${strings.position(at, order.length)}: ${issue.cell} ${strings.severity[issue.severity]} ${issue.message}`);
    document.getElementById(domId(issue))?.scrollIntoView?.({ block: 'nearest' });
  };
  const step = (delta: number) => {
    if (order.length === 0) return;
    const next = index < 0 ? (delta > 0 ? 0 : order.length - 1) : (index + delta + order.length) % order.length;
    go(order[next]);
  };

  const severityCounts = SEVERITY_ORDER.map((s) => [s, issues.filter((i) => i.severity === s).length] as const).filter(([, n]) => n > 0);
  const kinds = groupByKind(issues);

  return (
    <section aria-labelledby="issues-heading">
      <Subtitle2 as="h2" id="issues-heading" className={styles.heading}>
        {strings.issuesHeading}
      </Subtitle2>
      {issues.length === 0 ? (
        <Body1 as="p">{strings.noIssues}</Body1>
      ) : (
        <>
          <div className={styles.toolbar}>
            <Field label={strings.filter} className={styles.filter} size="small">
              <Select
                size="small"
                value={filter}
                onChange={(_, data) => {
                  setFilter(data.value as IssueFilter);
                  setCurrent(null);
                }}
              >
                <option value="all">{strings.filterAll(issues.length)}</option>
                {severityCounts.length > 1 &&
                  severityCounts.map(([s, n]) => (
                    <option key={s} value={`severity:${s}`}>
                      {strings.filterSeverity(strings.severity[s], n)}
                    </option>
                  ))}
                {kinds.length > 1 &&
                  kinds.map((g) => (
                    <option key={g.code} value={`kind:${g.code}`}>
                      {strings.filterKind(strings.kinds[g.code] ?? g.code, g.issues.length)}
                    </option>
                  ))}
              </Select>
            </Field>
            <div className={styles.stepper} role="group" aria-label={strings.issuesHeading}>
              <Button size="small" onClick={() => step(-1)} disabled={order.length === 0}>
                {strings.previous}
              </Button>
              <Caption1 className={styles.position} data-testid="issue-position">
                {strings.position(index, order.length)}
              </Caption1>
              <Button size="small" appearance="primary" onClick={() => step(1)} disabled={order.length === 0}>
                {strings.next}
              </Button>
            </div>
          </div>
          {groupByKind(shown).map((group) => (
            <section key={group.code} aria-labelledby={`kind-${group.code}`} data-kind={group.code}>
              <Subtitle2 as="h3" id={`kind-${group.code}`} className={styles.heading}>
                {strings.kinds[group.code] ?? group.code}
                <Badge appearance="filled" color={COLORS[group.severity]}>
                  {`${strings.severity[group.severity]} ${group.issues.length}`}
                </Badge>
              </Subtitle2>
              <ul className={styles.list}>
                {group.issues.map((issue) => {
                  const key = issueKey(issue);
                  const isCurrent = key === current;
                  const item = itemLabel(issue);
                  return (
                    <li key={key} id={domId(issue)} className={`${styles.issue} ${isCurrent ? styles.current : ''}`} aria-current={isCurrent ? 'true' : undefined}>
                      <Link
                        as="button"
                        className={styles.cell}
                        aria-label={strings.goToIssue(issue.cell, item, strings.kinds[issue.code] ?? issue.code)}
                        onClick={() => go(issue)}
                      >
                        {issue.cell}
                      </Link>
                      <Body1>{issue.message}</Body1>
                      <Caption1 className={styles.item}>
                        {strings.severity[issue.severity]}
                        {strings.severitySuffix[issue.severity]}・{item}
                      </Caption1>
                      {issue.acknowledged ? (
                        <div className={styles.ack} data-testid={`acknowledged-${issue.cell}`}>
                          <Caption1>{strings.acknowledged(issue.acknowledged.reason)}</Caption1>
                          {onWithdraw && (
                            <Button size="small" appearance="subtle" aria-label={strings.withdrawLabel(issue.cell)} onClick={() => void onWithdraw(issue)}>
                              {strings.withdraw}
                            </Button>
                          )}
                        </div>
                      ) : editing === key && onAcknowledge ? (
                        <ReasonForm
                          issue={issue}
                          strings={strings}
                          onCancel={() => setEditing(null)}
                          onSave={async (reason) => {
                            await onAcknowledge(issue, reason);
                            setEditing(null);
                          }}
                        />
                      ) : (
                        canAcknowledge?.(issue) && (
                          <div className={styles.ack}>
                            <Button size="small" aria-label={strings.acknowledgeLabel(issue.cell)} onClick={() => setEditing(key)}>
                              {strings.acknowledge}
                            </Button>
                          </div>
                        )
                      )}
                      {renderIssueAction?.(issue)}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          <Button appearance="subtle" size="small" onClick={onBackToTop}>
            {strings.backToTop}
          </Button>
        </>
      )}
    </section>
  );
}
