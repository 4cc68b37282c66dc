import { proposeProfile } from '../engine/profiles/propose';
import { readWorkbook } from '../hosts/xlsx/readWorkbook';
import { UnreadableWorkbookError, describeUnreadable } from '../hosts/xlsx/unreadable';
import type { ProfileCommand } from './args';
import type { Io } from './main';
import { cliText } from './messages';
import { readInput } from './readInput';

/**
 * `progress-sheet profile <file> [--sheet NAME]`: a template profile proposed from a sheet's
 * headers, as a configuration JSON on standard output (ready for --config once a person has
 * checked it), and on standard error each column's chosen field and how sure the guess is.
 */
export async function runProfile(command: ProfileCommand, io: Io): Promise<number> {
  const t = cliText(command.locale);
  const read = await readInput(command.file);
  if (!read.ok) {
    io.err(`progress-sheet: ${command.file}: ${describeUnreadable(read.reason, read.detail, command.locale)}`);
    return 2;
  }
  let sheets;
  try {
    sheets = await readWorkbook(read.bytes);
  } catch (err) {
    const why = err instanceof UnreadableWorkbookError ? err.describe(command.locale) : String(err);
    io.err(`progress-sheet: ${command.file}: ${why}`);
    return 2;
  }
  const chosen = command.sheet ? sheets.find((s) => s.name === command.sheet) : (sheets.find((s) => tableLike(s.grid.values)) ?? sheets[0]);
  if (!chosen) {
    io.err(`progress-sheet: ${t.noSuchSheet(command.sheet ?? '', sheets.map((s) => s.name))}`);
    return 2;
  }
  const proposal = proposeProfile(chosen.grid, { sheetName: chosen.name, locale: command.locale });
  io.err(t.profileProposed(chosen.name));
  for (const c of proposal.columns) io.err(t.profileColumn(c.column, c.label.replace(/\s+/g, ' '), c.field, c.confidence, c.why));
  io.out(JSON.stringify({ profiles: [proposal.profile] }, null, 2));
  return 0;
}

/** The first sheet with a row of three or more short labels: where a table most likely is. */
function tableLike(values: (string | number | boolean | null)[][]): boolean {
  for (let r = 0; r < Math.min(values.length, 40); r++) {
    const row = values[r];
    if (!row) continue;
    let labels = 0;
    for (const v of row) if (typeof v === 'string' && v.trim() !== '' && v.length <= 40) labels++;
    if (labels >= 3) return true;
  }
  return false;
}
