/** The double's tables (ListObjects) and charts: recorded by add(), readable only after load and sync. */
import { ExcelDouble } from './excel';
import { buildWorkbook, cellAt, sheetByName } from './state';

function grades(): ExcelDouble {
  return new ExcelDouble({
    workbook: buildWorkbook([
      {
        name: '集計',
        values: [
          ['担当課', 'S', 'A', 'B'],
          ['総務課', 1, 2, 0],
          ['財政課', 0, 1, 3],
          [],
          ['', '', 'x', 'x'],
          ['a', 'b', 'c', 'd'],
        ],
        merges: ['A8:B8'],
      },
    ]),
  });
}

describe('tables', () => {
  test('add() records the table at sync; its properties are unreadable until loaded and synced', async () => {
    const excel = grades();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('集計');
      const table = sheet.tables.add('A1:D3', true);
      expect(sheetByName(excel.workbook, '集計').tables).toBeUndefined(); // queued, not yet sent
      expect(() => table.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      table.style = 'TableStyleMedium2';
      table.showFilterButton = false;
      table.load('name, style, showFilterButton');
      expect(() => table.style).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect([table.name, table.style, table.showFilterButton]).toEqual(['Table1', 'TableStyleMedium2', false]);
      const range = table.getRange().load('address');
      await context.sync();
      expect(range.address).toBe("'集計'!A1:D3");
    });
    expect(sheetByName(excel.workbook, '集計').tables).toEqual([
      { id: 'table-1', name: 'Table1', area: { top: 0, left: 0, bottom: 2, right: 3 }, style: 'TableStyleMedium2', showFilterButton: false },
    ]);
  });

  test('blank and repeated headers become Column2, x2 as in Excel; overlaps, merged cells and unknown styles are refused', async () => {
    const excel = grades();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('集計');
      sheet.tables.add('A5:D6', true);
      await context.sync();
    });
    expect(['A5', 'B5', 'C5', 'D5'].map((a) => cellAt(excel.workbook, '集計', a).value)).toEqual(['Column1', 'Column2', 'x', 'x2']);
    const attempt = (fn: (sheet: Excel.Worksheet) => void) =>
      excel.run(async (context) => {
        fn(context.workbook.worksheets.getItem('集計') as unknown as Excel.Worksheet);
        await context.sync();
      });
    await expect(attempt((s) => s.tables.add('B6:C7', true))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((s) => s.tables.add('A8:B9', true))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((s) => (s.tables.add('A1:D3', true).style = 'Fancy'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((s) => s.tables.add('A1:D3', false))).rejects.toMatchObject({ code: 'NotImplemented' });
  });

  test('showFilterButton needs ExcelApi 1.3', async () => {
    const excel = new ExcelDouble({ apiVersion: '1.2', workbook: grades().workbook });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('集計').tables.add('A1:D3', true).showFilterButton = false;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('charts', () => {
  test('add() makes one series per column named by the header row; title, categories, colours, position are kept', async () => {
    const excel = grades();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('集計');
      const chart = sheet.charts.add('BarStacked', sheet.getRange('B1:D3'), 'Columns');
      chart.title.text = '担当課別の算定評価';
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange('A2:A3'));
      chart.series.getItemAt(2).format.fill.setSolidColor('#c0ca33');
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.setPosition(sheet.getRange('F1'));
      chart.width = 500;
      expect(() => chart.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      chart.load('name, chartType, width');
      chart.title.load('text');
      chart.series.load('items/name');
      await context.sync();
      expect([chart.name, chart.chartType, chart.width, chart.title.text]).toEqual(['Chart 1', 'BarStacked', 500, '担当課別の算定評価']);
      expect(chart.series.items.map((s) => s.name)).toEqual(['S', 'A', 'B']);
    });
    const [chart] = sheetByName(excel.workbook, '集計').charts ?? [];
    expect(chart.series.map((s) => [s.name, s.categories, s.fill])).toEqual([
      ['S', { top: 1, left: 0, bottom: 2, right: 0 }, null],
      ['A', null, null],
      ['B', null, '#C0CA33'],
    ]);
    expect([chart.categoryAxisReversed, chart.position, chart.height]).toEqual([true, { top: 0, left: 5, bottom: 0, right: 5 }, 216]);
  });

  test('a series that does not exist and an unknown chart type fail at sync', async () => {
    const excel = grades();
    const run = (fn: (sheet: Excel.Worksheet) => void) =>
      excel.run(async (context) => {
        fn(context.workbook.worksheets.getItem('集計') as unknown as Excel.Worksheet);
        await context.sync();
      });
    await expect(run((s) => s.charts.add('BarStacked', s.getRange('B1:C3'), 'Columns').series.getItemAt(5).setXAxisValues(s.getRange('A2:A3')))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(run((s) => s.charts.add('Sparkles' as Excel.ChartType, s.getRange('B1:C3'), 'Columns'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(sheetByName(excel.workbook, '集計').charts?.length).toBe(1);
  });
});
