import { displayText } from '../read/text';

/** Words that follow a department list but name none: 協働まちづくり課 ほか. */
const NOT_A_DEPARTMENT = /^(ほか|他|など|等|外)$/;

/**
 * Split a 担当課 cell into departments: separators are space, 、, ・, comma and line break;
 * the lead is the one marked ★, else the first (design.md §3).
 */
export function readDepartments(text: string): { lead: string | null; all: string[] } {
  const parts = displayText(text)
    .split(/[\s、,，・/／]+/)
    .map((p) => p.replace(/(ほか|他)$/, '').trim())
    .filter((p) => p !== '' && !NOT_A_DEPARTMENT.test(p));
  const starred = parts.find((p) => /^[★☆]/.test(p));
  const all = parts.map((p) => p.replace(/^[★☆◎]+/, '').trim()).filter((p) => p !== '');
  const lead = starred ? starred.replace(/^[★☆◎]+/, '').trim() : (all[0] ?? null);
  return { lead, all };
}
