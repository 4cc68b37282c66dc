import type { SheetCheck } from '../engine';
import { patchedParts, type PackageEdits } from '../hosts/xlsx/patch';

export { CannotAnnotateError } from '../hosts/xlsx/patch';

/**
 * The annotated copy's parts: the original package with the checked sheets' plans carried out and
 * every other part left as it was. Throws CannotAnnotateError when that cannot be done safely.
 * The zip is made by the thread that writes the copy (editedPackageBytes), not the checking worker.
 */
export function annotatedParts(bytes: Uint8Array, checks: { name: string; check: Pick<SheetCheck, 'template' | 'plan'> }[]): PackageEdits {
  const sheets = checks.filter(({ check }) => check.template).map(({ name, check }) => ({ name, plan: check.plan }));
  return patchedParts(bytes, sheets);
}
