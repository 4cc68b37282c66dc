/** --summary (issue 11): the workbook managers read, written by the command line. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { totalsOf, type JsonReport } from '../../src/cli/report';
import { summaryWorkbookBytes } from '../../src/cli/summary';
import { wellFormedError } from '../../src/hosts/xlsx/patch';
import { EXAMPLES } from '../helpers/workbooks';

async function run(...argv: string[]): Promise<number> {
  return main(argv, { out: () => undefined, err: () => undefined });
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'psc-summary-'));
}

/** examples/ copied below a temporary folder, so links are short and relative. */
function submissions(): { dir: string; folder: string } {
  const dir = tempDir();
  const folder = path.join(dir, 'submissions');
  fs.cpSync(EXAMPLES, folder, { recursive: true });
  return { dir, folder };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

type TableInfo = { name: string; tableRef: string };
function tablesOf(ws: ExcelJS.Worksheet): TableInfo[] {
  // ExcelJS's typings omit getTables(); it returns the tables read from the file
  const read = (ws as unknown as { getTables(): { table: TableInfo }[] }).getTables();
  return read.map((t) => ({ name: t.table.name, tableRef: t.table.tableRef }));
}

/** The headline block: label → value. */
function headline(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue> {
  const out: Record<string, ExcelJS.CellValue> = {};
  for (let r = 5; r <= 13; r++) out[String(ws.getCell(r, 1).value)] = ws.getCell(r, 2).value;
  return out;
}

describe('the summary of examples/', () => {
  let dir: string;
  let folder: string;
  let target: string;
  beforeAll(async () => {
    ({ dir, folder } = submissions());
    target = path.join(dir, '集計.xlsx');
    expect(await run('check', '--as-of', '2025-10-15', '--summary', target, folder)).toBe(1);
  });

  test('the headline: as-of date, 令和 year, files, items, share at B or better, errors, warnings, files not recognised', async () => {
    const ws = (await open(target)).getWorksheet('集計')!;
    expect(ws.getCell('A1').value).toBe('進行管理票 集計（基準日 2025-10-15）');
    expect(headline(ws)).toEqual({
      基準日: '2025-10-15',
      年度: '令和7年度',
      ファイル: 4,
      取組: 72,
      '算定評価 B 以上（算定評価のある 25 件のうち 7 件）': 0.28,
      エラー: 17,
      警告: 5,
      判別できないファイル: 1,
      読めないファイル: 0,
    });
    expect(ws.getCell('B9').numFmt).toBe('0.0%');
  });

  test('real tables with filters, a frozen header row, A4 landscape on one page wide', async () => {
    const ws = (await open(target)).getWorksheet('集計')!;
    expect(tablesOf(ws).map((t) => t.name)).toEqual(['RateDistribution', 'DepartmentSummary', 'FileSummary', 'IssueList']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    const dept = tablesOf(ws).find((t) => t.name === 'DepartmentSummary')!;
    const top = Number(/\d+/.exec(dept.tableRef)![0]);
    const header = (ws.getRow(top).values as ExcelJS.CellValue[]).slice(1);
    // no sheet of examples/ uses the symbol scale: no 自己評価 ◎○△ columns
    expect(header).toEqual(['担当課', '取組数', '達成率を算定', 'S', 'A', 'B', 'C', 'D', 'B 以上の割合', 'エラー', '警告', '未入力', 'うち担当課を推定']);
    const rows = new Map<string, ExcelJS.CellValue[]>();
    ws.eachRow((row) => {
      const v = (row.values as ExcelJS.CellValue[]).slice(1);
      if (typeof v[0] === 'string') rows.set(v[0], v);
    });
    expect(rows.get('政策企画局')).toEqual(['政策企画局', 8, 0, 0, 0, 0, 0, 0, undefined, 2, 0, 2, 0]);
    expect(rows.get('（担当課なし）')).toEqual(['（担当課なし）', 36, 9, 1, 2, 3, 2, 1, 6 / 9, 15, 5, 15, 0]);
    expect(rows.get('合計')).toEqual(['合計', 72, 25, 1, 3, 3, 2, 16, 0.28, 17, 5, 17, 0]);
    // the width fits the longest department name and the filter button, not a fixed guess
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(30);
  });

  test('every issue row links to its cell: file.xlsx#\'sheet\'!D8, relative to the summary', async () => {
    const ws = (await open(target)).getWorksheet('集計')!;
    const links: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (v && typeof v === 'object' && 'hyperlink' in v) links.push(v.hyperlink);
    });
    expect(links).toHaveLength(22);
    expect(links[0]).toBe("submissions/政策企画局_四半期進捗.xlsx#'進捗状況'!D8");
    expect(links).toContain("submissions/美祢市_進捗管理票.xlsx#'進捗管理票'!U27");
  });

  test('the chart parts: grades by department (stacked bars) and the rate distribution, on the summary sheet', () => {
    const parts = unzipSync(fs.readFileSync(target));
    const types = strFromU8(parts['[Content_Types].xml']);
    expect(types).toContain('/xl/charts/chart1.xml');
    expect(types).toContain('/xl/drawings/drawing1.xml');
    const chart1 = strFromU8(parts['xl/charts/chart1.xml']);
    expect(chart1).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(chart1.match(/<c:ser>/g)).toHaveLength(5);
    expect(chart1).toContain("'集計'!$D$");
    const chart2 = strFromU8(parts['xl/charts/chart2.xml']);
    expect(chart2).toContain('<c:barDir val="col"/>');
    expect(chart2).toContain('<c:v>11</c:v>');
    expect(strFromU8(parts['xl/worksheets/sheet1.xml'])).toMatch(/<drawing r:id="rIdChartDrawing"\/><tableParts/);
    expect(strFromU8(parts['xl/worksheets/_rels/sheet1.xml.rels'])).toContain('Target="../drawings/drawing1.xml"');
    expect(strFromU8(parts['xl/drawings/_rels/drawing1.xml.rels'])).toContain('Target="../charts/chart2.xml"');
  });

  test('every part is well-formed XML, and the core properties mark the workbook as ours', () => {
    const parts = unzipSync(fs.readFileSync(target));
    const problems = Object.entries(parts)
      .map(([name, bytes]) => [name, wellFormedError(strFromU8(bytes))])
      .filter(([, problem]) => problem);
    expect(problems).toEqual([]);
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(parts['docProps/core.xml'])).toContain('<cp:keywords>progress-sheet-summary</cp:keywords>');
  });

  test('generating twice gives the same bytes, and the second run does not say it was made anew', async () => {
    const again = path.join(dir, '集計2.xlsx');
    await run('check', '--as-of', '2025-10-15', '--summary', again, folder);
    expect(fs.readFileSync(again).equals(fs.readFileSync(target))).toBe(true);
    const ws = (await open(target)).getWorksheet('集計')!;
    expect(String(ws.getCell('A2').value)).not.toContain('作り直しました');
  });
});

test('a summary alone (the workers send only what it reads of each item) is the same workbook as one written beside the JSON report (whole items)', async () => {
  const { dir, folder } = submissions();
  const alone = path.join(dir, 'alone.xlsx');
  const beside = path.join(dir, 'beside.xlsx');
  await run('check', '--as-of', '2025-10-15', '--summary', alone, folder);
  await run('check', '--as-of', '2025-10-15', '--summary', beside, '--json', path.join(dir, 'report.json'), folder);
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as JsonReport;
  // the JSON report's items are whole: what the summary alone leaves out is there
  expect(report.files.flatMap((f) => f.sheets.flatMap((s) => s.rows)).some((row) => row.kpis.length > 0)).toBe(true);
  expect(fs.readFileSync(alone).equals(fs.readFileSync(beside))).toBe(true);
  const ws = (await open(alone)).getWorksheet('集計')!;
  expect(headline(ws)['取組']).toBe(72);
});

test('a configured grade scale (優/良/可): its columns and its share, not S–D zeros', async () => {
  const { dir, folder } = submissions();
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ gradeScale: [{ grade: '優', min: 1.0 }, { grade: '良', min: 0.6 }, { grade: '可', min: null }] }));
  const target = path.join(dir, '集計.xlsx');
  await run('check', '--as-of', '2025-10-15', '--config', config, '--summary', target, folder);
  const ws = (await open(target)).getWorksheet('集計')!;
  const values: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => values.push((row.values as ExcelJS.CellValue[]).slice(1)));
  const header = values.find((r) => r[0] === '担当課')!;
  expect(header.slice(3, 7)).toEqual(['優', '良', '可', '優 以上の割合']);
  const total = values.find((r) => r[0] === '合計')!;
  expect(total.slice(0, 6)).toEqual(['合計', 72, 25, 4, 4, 17]);
  expect(headline(ws)['算定評価 優 以上（算定評価のある 25 件のうち 4 件）']).toBeCloseTo(4 / 25);
  expect(values.some((r) => r.includes('S'))).toBe(false);
});

test('text copied from a submission stays text: =, +, - and @ are never formulas', async () => {
  const dir = tempDir();
  const risky = ['=HYPERLINK("http://example.com","x")', '+81-3-0000', '-1+2', '@SUM(A1)'];
  const files: JsonReport['files'] = [
    {
      path: path.join(dir, risky[0] + '.xlsx'),
      status: 'ok',
      error: null,
      sheets: [
        {
          name: risky[3],
          status: 'checked',
          template: 'standard',
          templateName: risky[2],
          confidence: 1,
          headerRows: [1],
          fiscalYear: 2025,
          fiscalYearSource: 'title',
          columns: [],
          unrecognized: null,
          rows: [{ row: 2, lastRow: 2, id: '1', section: null, item: risky[1], action: null, department: risky[0], departments: [risky[0]], achievementRate: 1, grade: 'A', selfGrade: null, evaluation: null, kpis: [] }],
          issues: [{ code: 'missing-entry', severity: 'error', cell: 'C2', row: 2, column: 3, field: 'q1', message: risky[2] }],
        },
      ],
    },
  ];
  const report: JsonReport = { asOf: '2025-10-15', files, totals: totalsOf(files) };
  const bytes = await summaryWorkbookBytes(report, { locale: 'ja', target: path.join(dir, 's.xlsx') });
  const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
  expect(sheet).not.toContain('<f>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  wb.getWorksheet('集計')!.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      texts.push(typeof v === 'object' && v && 'text' in v ? String(v.text) : String(v));
    }),
  );
  for (const text of [risky[0], risky[1], risky[2], risky[3]]) expect(texts.some((t) => t.includes(text))).toBe(true);
});
