/**
 * Settings kept in the workbook (a custom XML part the task pane writes): the command line reads
 * them, so a warning acknowledged in Excel (理由あり) is reported as acknowledged, and the
 * workbook's grade scale applies under --config.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/report';
import { decodeSettingsXml, encodeSettingsXml, mergeConfig, parseConfig, WORKBOOK_SETTINGS_NAMESPACE, type WorkbookSettings } from '../../src/engine';
import { SEEDS } from '../helpers/workbooks';

/** Seed 004 (美祢市) with a settings part, as Excel stores a custom XML part. */
function withSettings(xml: string): string {
  const parts = unzipSync(fs.readFileSync(path.join(SEEDS, '004-kpi-target-actual.xlsx')));
  parts['customXml/item1.xml'] = strToU8(xml);
  parts['customXml/itemProps1.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6A1B2C3D-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
  );
  parts['customXml/_rels/item1.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  const types = strFromU8(parts['[Content_Types].xml']).replace(
    '</Types>',
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
  );
  parts['[Content_Types].xml'] = strToU8(types);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psc-settings-')), '美祢市.xlsx');
  fs.writeFileSync(file, zipSync(parts));
  return file;
}

async function report(...argv: string[]): Promise<{ json: JsonReport; text: string }> {
  const out: string[] = [];
  await main(['check', '--as-of', '2024-06-01', '--json', '-', ...argv], { out: (s) => out.push(s), err: () => undefined }, { workers: 1 });
  const terminal: string[] = [];
  await main(['check', '--as-of', '2024-06-01', ...argv], { out: (s) => terminal.push(s), err: () => undefined }, { workers: 1 });
  return { json: JSON.parse(out.join('\n')) as JsonReport, text: terminal.join('\n') };
}

const SETTINGS: WorkbookSettings = {
  version: 1,
  acknowledgements: [{ sheet: '進捗管理票', cell: 'U27', code: 'computed-mismatch', reason: '平成29年度基準で算定しているため', by: '財政課', at: '2024-05-30' }],
};

test('a warning acknowledged in the workbook is reported as acknowledged, with its reason', async () => {
  const { json, text } = await report(withSettings(encodeSettingsXml(SETTINGS)));
  const issue = json.files[0].sheets[0].issues.find((i) => i.cell === 'U27' && i.code === 'computed-mismatch');
  expect(issue?.acknowledged).toEqual({ reason: '平成29年度基準で算定しているため', by: '財政課', at: '2024-05-30' });
  expect(json.totals.acknowledged).toBe(1);
  expect(text).toMatch(/U27\s+警告 .*（理由あり: 平成29年度基準で算定しているため）/);
});

test("the workbook's grade scale applies; --config on top of it wins", async () => {
  const scaled: WorkbookSettings = { ...SETTINGS, config: parseConfig({ gradeScale: [{ grade: '優', min: 1 }, { grade: '良', min: 0.8 }, { grade: '可', min: null }] }, 'test') };
  const file = withSettings(encodeSettingsXml(scaled));
  const own = await report(file);
  const grades = new Set(own.json.files[0].sheets[0].rows.map((r) => r.grade).filter((g) => g !== null));
  expect([...grades].every((g) => ['優', '良', '可'].includes(g as string))).toBe(true);
  const cfg = path.join(path.dirname(file), 'cfg.json');
  fs.writeFileSync(cfg, JSON.stringify({ gradeScale: [{ grade: 'A', min: 1 }, { grade: 'B', min: null }] }));
  const overridden = await report('--config', cfg, file);
  const letters = new Set(overridden.json.files[0].sheets[0].rows.map((r) => r.grade).filter((g) => g !== null));
  expect([...letters].every((g) => ['A', 'B'].includes(g as string))).toBe(true);
});

test('a damaged settings part is one line; the check goes on without it', async () => {
  const { json, text } = await report(withSettings(`<progressSheetChecker xmlns="${WORKBOOK_SETTINGS_NAMESPACE}">{not json</progressSheetChecker>`));
  expect(json.files[0].status).toBe('ok');
  expect(json.files[0].settingsProblem).toContain('ブックの設定が JSON として読めません');
  expect(text).toContain('ブックの設定が JSON として読めません');
});

test('with --lang en the damaged part is reported in English, saying what to do', async () => {
  const file = withSettings(`<progressSheetChecker xmlns="${WORKBOOK_SETTINGS_NAMESPACE}">{not json</progressSheetChecker>`);
  const out: string[] = [];
  await main(['check', '--as-of', '2024-06-01', '--lang', 'en', '--json', '-', file], { out: (s) => out.push(s), err: () => undefined }, { workers: 1 });
  const json = JSON.parse(out.join('\n')) as JsonReport;
  expect(json.files[0].settingsProblem).toBe("The workbook's settings are not valid JSON. Save them again from the task pane.");
});

describe('the settings part', () => {
  test('round-trips through its XML, with text that needs escaping', () => {
    const settings: WorkbookSettings = { version: 1, acknowledgements: [{ sheet: 'A&B <表>', cell: 'C3', code: 'grade-mismatch', reason: '"理由" & <注>' }] };
    const decoded = decodeSettingsXml(encodeSettingsXml(settings));
    expect(decoded).toEqual({ ok: true, settings });
  });

  test('an acknowledgement of an error, or without a reason, is refused', () => {
    const bad = { version: 1, acknowledgements: [{ sheet: 's', cell: 'C3', code: 'missing-entry', reason: '' }] };
    const decoded = decodeSettingsXml(`<progressSheetChecker xmlns="${WORKBOOK_SETTINGS_NAMESPACE}">${JSON.stringify(bad)}</progressSheetChecker>`);
    expect(decoded.ok).toBe(false);
  });

  test("mergeConfig: the command line's values win, profiles of both are kept", () => {
    const workbook = parseConfig({ fiscalYear: 2024, departments: ['総務課'], profiles: [{ id: 'own', name: { ja: 'a', en: 'a' }, columns: [{ field: 'item', terms: ['item'] }, { field: 'department', terms: ['department'] }] }] }, 'wb');
    const command = parseConfig({ fiscalYear: 2025 }, 'cli');
    const merged = mergeConfig(workbook, command);
    expect(merged?.fiscalYear).toBe(2025);
    expect(merged?.departments).toEqual(['総務課']);
    expect(merged?.profiles?.map((p) => p.id)).toEqual(['own']);
  });
});
