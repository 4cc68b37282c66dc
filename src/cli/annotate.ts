import { promises as fs } from 'fs';
import * as path from 'path';
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

/** Write a copy of a workbook with the check's plan carried out; the original is never touched. */
export async function writeAnnotatedCopy(
  bytes: Uint8Array,
  checks: { name: string; check: SheetCheck }[],
  target: string,
): Promise<void> {
  const copy = annotatedBytes(bytes, checks);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, copy);
}
