import * as path from 'path';
import { issueLines, returnTable, UNKNOWN_DEPARTMENT, type Locale } from '../engine';
import type { InputFile } from './collect';
import type { JsonReport } from './report';
import { makeFoldersBelow, writeAtomically } from './safeWrite';
import { newWorkbook, writeSheet } from './summary';
import { realPathOf } from './outputs';

/** A returns workbook sits in one folder: a department name becomes a safe file name. */
export function returnsFileName(department: string, locale: Locale): string {
  const safe = department.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 80);
  return `${locale === 'ja' ? '差し戻し' : 'returns'}_${safe}.xlsx`;
}

/**
 * Each department's returns file name. Two departments whose names differ only in characters a file
 * name cannot hold (総務/課, 総務_課) would share one file and the second would replace the first:
 * the later gets " (2)".
 */
export function returnsFileNames(departments: string[], locale: Locale): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const department of departments) {
    const base = returnsFileName(department, locale);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = base.replace(/\.xlsx$/, ` (${n}).xlsx`);
    used.add(name.toLowerCase());
    names.set(department, name);
  }
  return names;
}

/** The deadline on the cover line: a week after the as-of date. */
export function returnsDue(asOf: string): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7);
  return date.toISOString().slice(0, 10);
}

/** A returns file that would land on a checked workbook: its shown name. */
export function returnsClobbering(dir: string, departments: string[], inputs: InputFile[], locale: Locale): string | null {
  const targets = new Set([...returnsFileNames(departments, locale).values()].map((name) => realPathOf(path.join(dir, name))));
  const hit = inputs.find((i) => typeof i.fsPath === 'string' && targets.has(realPathOf(i.fsPath)));
  return hit ? hit.shown : null;
}

/** Departments with at least one issue, in the summary's order (the no-department bucket last). */
export function returnDepartments(report: JsonReport, locale: Locale): string[] {
  const lines = issueLines(roundSheets(report), locale);
  const unknown = UNKNOWN_DEPARTMENT[locale];
  return [...new Set(lines.map((l) => l.department))].sort((a, b) => Number(a === unknown) - Number(b === unknown) || a.localeCompare(b, 'ja'));
}

function roundSheets(report: JsonReport) {
  return report.files.flatMap((f) => f.sheets.map((s) => ({ file: f.path, sheet: s.name, template: s.template, rows: s.rows, issues: s.issues })));
}

/**
 * --returns DIR (差し戻し): one small workbook per department with its issues, each linked to its
 * cell, under a cover line saying what to fix by when. Each is written through a temporary file.
 */
export async function writeReturns(dir: string, report: JsonReport, locale: Locale): Promise<string[]> {
  const lines = issueLines(roundSheets(report), locale);
  const folder = await makeFoldersBelow(dir, Buffer.alloc(0));
  const written: string[] = [];
  const departments = returnDepartments(report, locale);
  const names = returnsFileNames(departments, locale);
  for (const department of departments) {
    const wb = newWorkbook(report.asOf);
    const table = returnTable({ department, asOf: report.asOf, due: returnsDue(report.asOf), issues: lines.filter((l) => l.department === department), locale });
    writeSheet(wb, table, path.resolve(dir));
    const name = names.get(department) as string;
    await writeAtomically(Buffer.concat([folder, Buffer.from(path.sep + name)]), wb.toBytes());
    written.push(name);
  }
  return written;
}
