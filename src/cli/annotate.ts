import { promises as fs } from 'fs';
import * as path from 'path';
import type { SheetCheck } from '../engine';
import { applyPlanToWorksheet } from '../hosts/xlsx/applyPlan';
import { loadExcelWorkbook } from '../hosts/xlsx/readWorkbook';

/** Write a copy of a workbook with the check's plan carried out; the original is never touched. */
export async function writeAnnotatedCopy(
  bytes: Uint8Array,
  checks: { name: string; check: SheetCheck }[],
  target: string,
): Promise<void> {
  const workbook = await loadExcelWorkbook(bytes);
  for (const { name, check } of checks) {
    const ws = workbook.getWorksheet(name);
    if (ws && check.template) applyPlanToWorksheet(ws, check.plan);
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await workbook.xlsx.writeFile(target);
}
