import { readEvaluation } from '../read/evaluation';
import { cellText } from '../read/cell';
import type { Finding, Rule } from './context';

/** invalid-evaluation: a self-evaluation outside the sheet's scale. */
export const invalidEvaluation: Rule = {
  id: 'invalid-evaluation',
  check(ctx) {
    const out: Finding[] = [];
    const scale = ctx.evaluationScale;
    for (const unit of ctx.units) {
      const cell = unit.evaluation;
      if (!cell) continue;
      const reading = readEvaluation(cell.value);
      let value: string | null = null;
      if (reading.kind === 'other') value = reading.text;
      else if (reading.kind === 'symbol' && (scale.kind !== 'symbols' || !scale.allowed.includes(reading.symbol))) value = cellText(cell.value);
      else if (reading.kind === 'letter' && (scale.kind !== 'letters' || !scale.allowed.includes(reading.letter))) value = cellText(cell.value);
      if (value === null) continue;
      out.push({
        messageId: 'invalid-evaluation',
        r: cell.r,
        c: cell.c,
        field: 'evaluation',
        params: { value: value.trim(), scale: scale.allowed.join('・') },
      });
    }
    return out;
  },
};
