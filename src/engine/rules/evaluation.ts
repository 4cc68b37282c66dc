import { readOnScale } from '../read/evaluation';
import { evaluationCells, type Rule } from './context';

/**
 * invalid-evaluation: a self-evaluation outside its column's scale. Not-evaluated markers
 * (対象外, 評価なし, －) and blanks are never invalid; a blank that is due is missing-entry's.
 */
export const invalidEvaluation: Rule = {
  id: 'invalid-evaluation',
  start(ctx) {
    if (ctx.evaluationColumns.length === 0) return null;
    return (unit, _computed, report) => {
      for (const { cell, field, scale } of evaluationCells(ctx, unit)) {
        const reading = readOnScale(cell.value, scale);
        if (reading.kind !== 'invalid') continue;
        report({
          messageId: 'invalid-evaluation',
          r: cell.r,
          c: cell.c,
          field,
          params: { value: reading.text, scale: scale.allowed.join('・') },
        });
      }
    };
  },
};
