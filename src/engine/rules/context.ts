import type { GradeStep } from '../config';
import type { RateBasis } from '../compute/rate';
import type { MessageId } from '../messages';
import type { UnitRecord } from '../rows/record';
import type { TableLayout } from '../table/layout';
import type { SheetView } from '../table/sheetView';
import type { Profile } from '../profiles/schema';
import type { Locale } from '../types';
import type { EvaluationScale } from '../read/evaluation';
import { fieldCell, type FieldCell } from '../rows/record';
import { joinSpacedLetters } from '../read/text';
import type { MappedColumn } from '../table/header';

export type { EvaluationScale } from '../read/evaluation';

/** One self-evaluation column and the scale its values are read on (a sheet may have two). */
export interface EvaluationColumn {
  column: MappedColumn;
  /** Issue field: evaluation, evaluation2… */
  field: string;
  scale: EvaluationScale;
}

/** What the engine computed for one unit. */
export interface UnitComputation {
  /** Per indicator, in order. */
  kpiRates: (RateBasis | null)[];
  /** The unit's rate: its first indicator with a computable rate. */
  rate: RateBasis | null;
  grade: string | null;
  /** Self-evaluation, normalised: a letter, or a symbol. */
  selfGrade: string | null;
  evaluation: string | null;
}

/** What a rule may look at about the whole sheet. Rules only read it. */
export interface RuleContext {
  view: SheetView;
  layout: TableLayout;
  profile: Profile;
  asOf: string;
  startMonth: number;
  fiscalYear: number;
  gradeScale: readonly GradeStep[];
  /** The first evaluation column's scale (the sheet's scale in messages). */
  evaluationScale: EvaluationScale;
  /** Every evaluation column with its own scale, left to right. */
  evaluationColumns: EvaluationColumn[];
  /** Language of the messages (years are written 令和7年度 or FY2025). */
  locale: Locale;
  /** The configuration's department list, if any. */
  departments: string[] | null;
}

/** A rule's report: where (grid row and column), which message, with what. */
export interface Finding {
  messageId: MessageId;
  r: number;
  c: number;
  field: string;
  params: Record<string, string | number>;
}

/** Where a rule reports its findings (each becomes an issue at once). */
export type Report = (finding: Finding) => void;

/**
 * A rule's check of one unit, with what the engine computed for it. Units come one at a time in
 * sheet order, and a record is not kept after its check: a rule keeps what it needs (duplicate-id
 * keeps each No.'s first cell), never the record.
 */
export type UnitCheck = (unit: UnitRecord, computed: UnitComputation, report: Report) => void;

/** One validation rule: reads the context and the units, reports findings, never throws. */
export interface Rule {
  id: string;
  /** Set up for one sheet; null when the rule has nothing to check on it. */
  start(ctx: RuleContext): UnitCheck | null;
}

/** A header label as a message shows it: one line. */
export function labelText(label: string): string {
  // a sheet has a few labels and may report thousands of cells under each
  let text = labelTexts.get(label);
  if (text === undefined) {
    text = label.replace(/\s*\n\s*(?=[（(])/g, '').replace(/\s*\n\s*/g, ' ').trim();
    // a label spaced out for the printed page (取 組 事 項, 評　価) is said as the word it spells
    text = joinSpacedLetters(text);
    // 【達成度】: the brackets set the label off on the sheet; a message says the word
    text = text.replace(/^【([^【】]{1,20})】/, '$1');
    if (label.length <= MEMO_LABEL) {
      if (labelTexts.size >= 1_000) labelTexts.clear();
      labelTexts.set(label, text);
    }
  }
  return text;
}

const labelTexts = new Map<string, string>();
/** Longer labels are not kept (a header cell may hold a paragraph). */
const MEMO_LABEL = 200;

/** A self-evaluation cell with its column's issue field and scale. */
export interface EvaluationCell {
  cell: FieldCell;
  field: string;
  scale: EvaluationScale;
}

/** The last unit's evaluation cells, per check: four rules ask for them in turn for each unit. */
const lastEvaluationCells = new WeakMap<RuleContext, { unit: UnitRecord; cells: EvaluationCell[] }>();

/** A unit's self-evaluation cells, one per evaluation column, at the unit's first row. */
export function evaluationCells(ctx: RuleContext, unit: UnitRecord): EvaluationCell[] {
  const last = lastEvaluationCells.get(ctx);
  if (last?.unit === unit) return last.cells;
  const cells = ctx.evaluationColumns.map((e, i) => ({
    // the first column's cell is the record's own (the same merge anchor the record reads)
    cell: i === 0 && unit.evaluation ? unit.evaluation : fieldCell(ctx.view, unit.first, e.column),
    field: e.field,
    scale: e.scale,
  }));
  if (last) {
    last.unit = unit;
    last.cells = cells;
  } else {
    lastEvaluationCells.set(ctx, { unit, cells });
  }
  return cells;
}
