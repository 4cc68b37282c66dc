import { displayText } from '../read/text';
import type { ItemResult } from '../types';

/**
 * A department named outside the table, for sheets with no 担当課 column (issue 11): a labelled
 * title above the table (「所管：総務課」), else the sheet name, else the file name
 * (「総務課_進捗.xlsx」). Only names that end like a department count: a city (美祢市) is no owner.
 */
const LABELLED = /(?:所管|担当|主管|所属|提出)(?:課|部署|部局|課名|部課|部)?\s*[:：]\s*([^\s:：、,，()（）「」【】]+)/;
const DEPARTMENT_END = /(課|部|局|室|係|班|センター|事務所|委員会|支所|本部|保健所)$/;
const SEPARATORS = /[_\-－―‐\s・()（）【】[\]「」.．、,，]+/;

export type DepartmentSource = 'title' | 'sheet' | 'file';

export interface InferenceContext {
  /** Whether the table has its own department column (then nothing is inferred). */
  hasColumn: boolean;
  titles: string[];
  sheetName?: string;
  fileName?: string;
}

function looksLikeDepartment(token: string): boolean {
  const length = [...token].length;
  return length >= 2 && length <= 20 && DEPARTMENT_END.test(token) && !/^\d/.test(token);
}

function fromName(name: string): string | null {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm|xls)$/i, '');
  return displayText(base).split(SEPARATORS).find(looksLikeDepartment) ?? null;
}

/** The department the titles, sheet name or file name give, and where it came from. */
export function inferDepartment(context: Omit<InferenceContext, 'hasColumn'>): { department: string; source: DepartmentSource } | null {
  for (const title of context.titles) {
    const m = LABELLED.exec(displayText(title));
    if (m && looksLikeDepartment(m[1])) return { department: m[1], source: 'title' };
  }
  const fromSheet = context.sheetName ? fromName(context.sheetName) : null;
  if (fromSheet) return { department: fromSheet, source: 'sheet' };
  const fromFile = context.fileName ? fromName(context.fileName) : null;
  return fromFile ? { department: fromFile, source: 'file' } : null;
}

/** 「市内大学等と連携した地元就職の促進\n【産業経済局】」: the owner in brackets at the end of the item. */
const ITEM_DEPARTMENT = /[【[［(（]\s*([^【】[\]［］()（）\s]{2,20})\s*[】\]］)）]\s*$/;

/** The department an item's own text names at its end (【産業経済局】), or null. */
export function departmentInItem(item: string | null): string | null {
  if (!item) return null;
  const m = ITEM_DEPARTMENT.exec(item);
  return m && looksLikeDepartment(m[1]) ? m[1] : null;
}

/**
 * Rows of a sheet without a department column get the inferred one, marked departmentInferred:
 * the item's own bracket (【産業経済局】) first, else the sheet-wide one (title, sheet, file name).
 */
export function withInferredDepartment(rows: ItemResult[], context: InferenceContext): ItemResult[] {
  if (context.hasColumn || rows.length === 0) return rows;
  let inferred: ReturnType<typeof inferDepartment> | undefined;
  return rows.map((row) => {
    if (row.department !== null) return row;
    const own = departmentInItem(row.item);
    if (own) return { ...row, department: own, departments: [own], departmentInferred: true };
    if (inferred === undefined) inferred = inferDepartment(context);
    return inferred ? { ...row, department: inferred.department, departments: [inferred.department], departmentInferred: true } : row;
  });
}
