import ExcelJS from 'exceljs';
import { cellAt, sheetByName, workbookFromXlsx } from '.';

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('an .xlsx comes into the double as Office.js would present it', async () => {
  const bytes = await bytesOf((wb) => {
    const cover = wb.addWorksheet('表紙');
    cover.getCell('A1').value = '令和7年度';
    const ws = wb.addWorksheet('進捗');
    ws.getCell('A1').value = 'No.';
    ws.getCell('B1').value = { richText: [{ text: '取組' }, { text: '項目', font: { bold: true } }] };
    ws.getCell('C1').value = 1234.5;
    ws.getCell('C1').numFmt = '#,##0.0';
    ws.getCell('D1').value = new Date(Date.UTC(2025, 9, 15));
    ws.getCell('D1').numFmt = 'yyyy/m/d';
    ws.getCell('E1').value = { formula: 'C1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('F1').value = { formula: 'C1*2', result: 2469 } as ExcelJS.CellFormulaValue;
    ws.getCell('G1').value = true;
    ws.getCell('A2').value = '体系';
    ws.mergeCells('A2:A4');
    ws.getCell('B2').value = '黄';
    ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getCell('B3').fill = { type: 'pattern', pattern: 'darkGray', fgColor: { argb: 'FFFF0000' }, bgColor: { argb: 'FFFFFFFF' } };
    ws.getCell('B4').value = 'メモ付き';
    ws.getCell('B4').note = '確認してください';
    ws.getCell('C2').font = { bold: true };
    ws.getCell('C2').value = '太字';
    ws.getColumn(2).width = 20;
    const hidden = wb.addWorksheet('_hidden');
    hidden.state = 'veryHidden';
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  });
  const wb = await workbookFromXlsx(bytes);
  expect(wb.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual(['表紙:Visible', '進捗:Visible', '_hidden:VeryHidden']);
  expect(wb.activeSheetId).toBe(wb.sheets[1].id);
  const at = (a: string) => cellAt(wb, '進捗', a);
  expect(at('B1').value).toBe('取組項目');
  expect(at('C1')).toMatchObject({ value: 1234.5, numberFormat: '#,##0.0' });
  expect(at('D1')).toMatchObject({ value: 45945, numberFormat: 'yyyy/m/d' });
  expect(at('E1').value).toBe('#DIV/0!');
  expect(at('F1').value).toBe(2469);
  expect(at('G1').value).toBe(true);
  expect(at('A2').value).toBe('体系');
  expect(at('A3').value).toBe(''); // covered by the merge
  expect(sheetByName(wb, '進捗').merges).toEqual([{ top: 1, left: 0, bottom: 3, right: 0 }]);
  expect(at('B2').fill).toEqual({ color: '#FFFF00', pattern: 'Solid' });
  expect(at('B3').fill).toEqual({ color: '#FFFFFF', pattern: 'Gray75', patternColor: '#FF0000' });
  expect(at('B4').note).toBe('確認してください');
  expect(at('C2').bold).toBe(true);
  expect(at('A1')).toMatchObject({ numberFormat: 'General', fill: null, bold: false, note: null });
  expect(sheetByName(wb, '進捗').columnWidths.get(1)).toBeGreaterThan(100);
});

test('wrapped text, frozen rows and list validations come in from an .xlsx', async () => {
  const bytes = await bytesOf((wb) => {
    const ws = wb.addWorksheet('進行管理票', { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.getCell('A3').value = 'No.';
    ws.getCell('B3').value = '第1四半期（4～6月）';
    ws.getCell('B3').alignment = { wrapText: true };
    for (let r = 4; r <= 6; r++) {
      ws.getCell(`O${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"◎,○,△,▲,×"'] };
      ws.getCell(`P${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['$Z$1:$Z$3'] };
      ws.getCell(`Q${r}`).dataValidation = { type: 'whole', operator: 'greaterThan', formulae: [0] };
    }
    wb.addWorksheet('plain');
  });
  const wb = await workbookFromXlsx(bytes);
  expect(cellAt(wb, '進行管理票', 'B3').wrap).toBe(true);
  expect(cellAt(wb, '進行管理票', 'A3').wrap).toBe(false);
  expect(sheetByName(wb, '進行管理票').frozenRows).toBe(3);
  expect(sheetByName(wb, 'plain').frozenRows).toBe(0);
  const validations = [...sheetByName(wb, '進行管理票').validations].sort((a, b) => a.area.left - b.area.left);
  expect(validations).toEqual([
    { area: { top: 3, left: 14, bottom: 5, right: 14 }, list: '◎,○,△,▲,×', inCellDropDown: true },
    { area: { top: 3, left: 15, bottom: 5, right: 15 }, list: '=$Z$1:$Z$3', inCellDropDown: true },
  ]);
  expect(sheetByName(wb, 'plain').validations).toEqual([]);
});
