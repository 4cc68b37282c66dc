import { Badge, Body1, Caption1, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Issue, Severity } from '../../engine';
import type { Strings } from '../strings';

const ORDER: Severity[] = ['error', 'warning', 'info'];
const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  row: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  rowLabel: { color: tokens.colorNeutralForeground3 },
  issue: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', padding: `${tokens.spacingVerticalXXS} 0` },
  cell: { minWidth: '3.5em', fontFamily: tokens.fontFamilyMonospace },
});

export interface IssueListProps {
  issues: Issue[];
  strings: Strings;
  onSelect: (cell: string) => void;
}

/** Issues grouped by severity, then by row; each cell address is a click away from its cell. */
export function IssueList({ issues, strings, onSelect }: IssueListProps) {
  const styles = useStyles();
  if (issues.length === 0) return <Body1 role="status">{strings.noIssues}</Body1>;
  return (
    <div>
      {ORDER.map((severity) => {
        const ofSeverity = issues.filter((i) => i.severity === severity);
        if (ofSeverity.length === 0) return null;
        const rows = new Map<number, Issue[]>();
        for (const issue of ofSeverity) rows.set(issue.row, [...(rows.get(issue.row) ?? []), issue]);
        return (
          <section key={severity} className={styles.group} aria-label={strings.severity[severity]}>
            <Subtitle2 as="h3" className={styles.heading}>
              {strings.severity[severity]}
              <Badge appearance="filled" color={COLORS[severity]}>
                {ofSeverity.length}
              </Badge>
            </Subtitle2>
            {[...rows.entries()].map(([row, list]) => (
              <div key={row}>
                <Caption1 className={styles.rowLabel}>{strings.row(row)}</Caption1>
                <ul className={styles.row}>
                  {list.map((issue) => (
                    <li key={`${issue.cell}-${issue.code}-${issue.field}`} className={styles.issue}>
                      <Link as="button" className={styles.cell} aria-label={strings.goToCell(issue.cell)} onClick={() => onSelect(issue.cell)}>
                        {issue.cell}
                      </Link>
                      <Body1>{issue.message}</Body1>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
