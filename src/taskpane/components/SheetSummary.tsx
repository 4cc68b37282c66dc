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
import { DEFAULT_GRADE_SCALE, formatFiscalYear, formatRate, type Locale, type SheetCheck } from '../../engine';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

export interface SheetSummaryProps {
  check: SheetCheck;
  sheetName: string;
  strings: Strings;
  locale: Locale;
  onSelect: (cell: string) => void;
}

/** The scale the computed grade follows, as one line: S 120%以上・A 100%以上・…・D 50%未満. */
export function gradeLegend(strings: Strings): string {
  const steps = DEFAULT_GRADE_SCALE.map((step, i) => strings.gradeStep(step.grade, step.min, DEFAULT_GRADE_SCALE[i - 1]?.min ?? null));
  return strings.gradeLegend(steps.join('・'));
}

/** The counts at a glance; what was read (sheet, year, layout); details and results folded away. */
export function SheetSummary({ check, sheetName, strings, locale, onSelect }: SheetSummaryProps) {
  const styles = useStyles();
  const withRate = check.rows.filter((r) => r.achievementRate !== null || r.selfGrade || r.evaluation);
  const itemLetter = (check.columns.find((c) => c.field === 'id') ?? check.columns.find((c) => c.field === 'item'))?.letter ?? 'A';
  const year = check.fiscalYear === null ? '—' : strings.fiscalYearValue(check.fiscalYear, formatFiscalYear(check.fiscalYear, locale));
  return (
    <div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{strings.sheet}</dt>
        <dd className={styles.detail}>{sheetName}</dd>
        <dt className={styles.term}>{strings.fiscalYear}</dt>
        <dd className={styles.detail} data-testid="fiscal-year">
          {year}
        </dd>
        <dt className={styles.term}>{strings.template}</dt>
        <dd className={styles.detail} data-testid="detected-template">
          {strings.detected(check.templateName ?? '')}
        </dd>
      </dl>
      <Caption1 as="p" data-testid="grade-legend">
        {gradeLegend(strings)}
      </Caption1>
      <Accordion collapsible multiple>
        <AccordionItem value="details">
          <AccordionHeader>{strings.details}</AccordionHeader>
          <AccordionPanel>
            <dl className={styles.facts}>
              <dt className={styles.term}>{strings.confidence}</dt>
              <dd className={styles.detail} data-testid="confidence">{`${Math.round(check.confidence * 100)}%`}</dd>
              <dt className={styles.term}>{strings.headerRows}</dt>
              <dd className={styles.detail}>{strings.rowsList(check.headerRows)}</dd>
            </dl>
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
              <Body1 as="p">{gradeLegend(strings)}</Body1>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </div>
  );
}
