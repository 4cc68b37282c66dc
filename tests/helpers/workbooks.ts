import * as fs from 'fs';
import * as path from 'path';
import { checkSheet, type CheckOptions, type SheetCheck } from '../../src/engine';
import { readWorkbook, type SheetGrid } from '../../src/hosts/xlsx/readWorkbook';

export const ROOT = path.resolve(__dirname, '../..');
export const SEEDS = path.join(ROOT, 'tests/fixtures/seeds');
export const HARD = path.join(ROOT, 'tests/fixtures/hard');
export const EXAMPLES = path.join(ROOT, 'examples');

export function fixture(...parts: string[]): string {
  return path.join(ROOT, 'tests/fixtures', ...parts);
}

/** Every sheet of a workbook file, as grids. */
export async function loadSheets(file: string): Promise<SheetGrid[]> {
  return readWorkbook(fs.readFileSync(file));
}

/** The grid of one named sheet (the first sheet when no name is given). */
export async function loadGrid(file: string, sheet?: string): Promise<SheetGrid['grid']> {
  const sheets = await loadSheets(file);
  const found = sheet ? sheets.find((s) => s.name === sheet) : sheets[0];
  if (!found) throw new Error(`no sheet ${sheet} in ${file}`);
  return found.grid;
}

/** Check one sheet of a workbook file. */
export async function checkFile(file: string, options: CheckOptions, sheet?: string): Promise<SheetCheck> {
  const sheets = await loadSheets(file);
  const found = sheet ? sheets.find((s) => s.name === sheet) : sheets[0];
  if (!found) throw new Error(`no sheet ${sheet} in ${file}`);
  return checkSheet(found.grid, { ...options, sheetName: found.name });
}

/** Issues as "cell code" strings: what a reviewer compares at a glance. */
export function issueList(check: SheetCheck, severities: string[] = ['error', 'warning', 'info']): string[] {
  return check.issues.filter((i) => severities.includes(i.severity)).map((i) => `${i.cell} ${i.code}`);
}
