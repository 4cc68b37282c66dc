import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { SheetCheck } from '../engine';
import { applyPlanToWorksheet } from '../hosts/xlsx/applyPlan';

/** Write a copy of a workbook with the check's plan carried out; the original is never touched. */
export async function writeAnnotatedCopy(
  bytes: Uint8Array,
  checks: { name: string; check: SheetCheck }[],
  target: string,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  for (const { name, check } of checks) {
    const ws = workbook.getWorksheet(name);
    if (ws && check.template) applyPlanToWorksheet(ws, check.plan);
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await workbook.xlsx.writeFile(target);
}
