import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { formatRate, type SheetCheck } from '../../engine';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

export interface SheetSummaryProps {
  check: SheetCheck;
  sheetName: string;
  strings: Strings;
  onSelect: (cell: string) => void;
}

/** What was detected (template, confidence, columns) and the computed rate and grade per item. */
export function SheetSummary({ check, sheetName, strings, onSelect }: SheetSummaryProps) {
  const styles = useStyles();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of check.issues) counts[issue.severity]++;
  const withRate = check.rows.filter((r) => r.achievementRate !== null || r.selfGrade || r.evaluation);
  const itemLetter = (check.columns.find((c) => c.field === 'id') ?? check.columns.find((c) => c.field === 'item'))?.letter ?? 'A';
  return (
    <div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{strings.sheet}</dt>
        <dd>{sheetName}</dd>
        <dt className={styles.term}>{strings.template}</dt>
        <dd data-testid="detected-template">{strings.detected(check.templateName ?? '', Math.round(check.confidence * 100))}</dd>
        <dt className={styles.term}>{strings.fiscalYear}</dt>
        <dd>{check.fiscalYear ?? '—'}</dd>
        <dt className={styles.term}>{strings.headerRows}</dt>
        <dd>{check.headerRows.join(', ')}</dd>
      </dl>
      <Body1 as="p" data-testid="issue-counts">
        {strings.items(check.rows.length)}・{strings.counts(counts.error, counts.warning, counts.info)}
      </Body1>
      <Accordion collapsible multiple>
        <AccordionItem value="columns">
          <AccordionHeader>{strings.columns}</AccordionHeader>
          <AccordionPanel>
            <Table size="extra-small" aria-label={strings.columns}>
              <TableBody>
                {check.columns.map((c) => (
                  <TableRow key={`${c.letter}-${c.field}`}>
                    <TableCell>{c.letter}</TableCell>
                    <TableCell>{c.label.replace(/\n/g, ' ')}</TableCell>
                    <TableCell>
                      <Caption1>{strings.fieldNames[c.field] ?? c.field}</Caption1>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </AccordionPanel>
        </AccordionItem>
        {withRate.length > 0 && (
          <AccordionItem value="results">
            <AccordionHeader>{strings.results}</AccordionHeader>
            <AccordionPanel>
              <Table size="extra-small" aria-label={strings.results}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{strings.colId}</TableHeaderCell>
                    <TableHeaderCell>{strings.colItem}</TableHeaderCell>
                    <TableHeaderCell>{strings.colRate}</TableHeaderCell>
                    <TableHeaderCell>{strings.colGrade}</TableHeaderCell>
                    <TableHeaderCell>{strings.colSelf}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {withRate.map((r) => (
                    <TableRow key={r.row}>
                      <TableCell>
                        <Link as="button" onClick={() => onSelect(`${itemLetter}${r.row}`)}>
                          {r.id ?? r.row}
                        </Link>
                      </TableCell>
                      <TableCell>{(r.item ?? r.action ?? '').slice(0, 24)}</TableCell>
                      <TableCell className={styles.number}>{r.achievementRate === null ? '—' : formatRate(r.achievementRate)}</TableCell>
                      <TableCell>{r.grade ?? '—'}</TableCell>
                      <TableCell>{r.selfGrade ?? r.evaluation ?? '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </div>
  );
}
