import type { SheetCheck } from '../engine';
import { patchWorkbook } from '../hosts/xlsx/patch';

export { CannotAnnotateError } from '../hosts/xlsx/patch';

/**
 * The annotated copy's bytes: the original package with the checked sheets' plans carried out and
 * every other part left as it was. Throws CannotAnnotateError when that cannot be done safely.
 */
export function annotatedBytes(bytes: Uint8Array, checks: { name: string; check: SheetCheck }[]): Uint8Array {
  const sheets = checks.filter(({ check }) => check.template).map(({ name, check }) => ({ name, plan: check.plan }));
  return patchWorkbook(bytes, sheets);
}
