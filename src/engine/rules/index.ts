import type { Rule } from './context';
import { duplicateId } from './duplicateId';
import { invalidEvaluation } from './evaluation';
import { formulaError } from './formulaError';
import { computedMismatch, gradeMismatch } from './mismatch';
import { missingEntry } from './missingEntry';
import { normalizedValue } from './normalizedValue';
import { invalidNumber } from './numbers';
import { requiredMissing } from './requiredMissing';
import { unknownDepartment } from './unknownDepartment';

/** Every validation rule, in the order their issues are listed for a cell. */
export const RULES: readonly Rule[] = [
  formulaError,
  requiredMissing,
  duplicateId,
  missingEntry,
  invalidNumber,
  invalidEvaluation,
  computedMismatch,
  gradeMismatch,
  normalizedValue,
  unknownDepartment,
];
