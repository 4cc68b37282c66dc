import { type WorkbookJson, workbookFromJson, workbookToJson } from '../e2e/workbookJson';
import { type DoubleRequestContext, ExcelDouble, PAYLOAD_LIMIT_BYTES } from './excel';
import { buildWorkbook, cellAt, cloneWorkbook, diffWorkbooks, sheetByName } from './state';

function sample(apiVersion = '1.18'): ExcelDouble {
  return new ExcelDouble({
    apiVersion,
    workbook: buildWorkbook([
      {
        name: '進捗状況',
        values: [
          ['No.', '取組項目', '達成率'],
          [1, '窓口改革', 0.5],
          [2, '', ''],
        ],
        numberFormats: [[null, null, null], [null, null, '0.0%']],
        fills: { B2: '#FFFF00' },
        notes: { A1: '番号' },
        merges: ['B2:B3'],
      },
      { name: 'Sheet2', values: [['x']] },
    ]),
  });
}

describe('Excel double: loading', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
    const excel = sample();
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:C3');
        await context.sync();
        return range.values;
      }),
    ).rejects.toMatchObject({
      code: 'PropertyNotLoaded',
      message: expect.stringContaining("The property 'values' is not available. Before reading the property's value, call the load method"),
    });
  });

  test('a loaded property is still unreadable before sync', async () => {
    const excel = sample();
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
        range.load('values');
        return range.values;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  test('load accepts strings, arrays, objects and navigation paths', async () => {
    const excel = sample();
    const out = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRange(true);
      used.load(['address', 'rowCount']);
      used.load('columnCount, values');
      const b2 = sheet.getRange('B2');
      b2.load({ format: { fill: { color: true } }, numberFormat: true });
      const a2 = sheet.getRange('A2');
      a2.load('format/fill/color');
      sheet.load('name');
      await context.sync();
      return {
        name: sheet.name,
        address: used.address,
        rows: used.rowCount,
        cols: used.columnCount,
        values: used.values,
        b2fill: b2.format.fill.color,
        a2fill: a2.format.fill.color,
      };
    });
    expect(out).toEqual({
      name: '進捗状況',
      address: "'進捗状況'!A1:C3",
      rows: 3,
      cols: 3,
      values: [
        ['No.', '取組項目', '達成率'],
        [1, '窓口改革', 0.5],
        [2, '', ''],
      ],
      b2fill: '#FFFF00',
      a2fill: '#FFFFFF',
    });
  });

  test('the values of another property of a loaded object still throw', async () => {
    const excel = sample();
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
        range.load('values');
        await context.sync();
        return range.numberFormat;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  test('OrNullObject: isNullObject is known after sync, not before', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('_none');
      const there = context.workbook.worksheets.getItemOrNullObject('Sheet2');
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  test('getItem of a missing sheet fails at sync with ItemNotFound', async () => {
    const excel = sample();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('proxies die with their Excel.run', async () => {
    const excel = sample();
    const range = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
      r.load('values');
      await context.sync();
      return r;
    });
    expect(() => range.values).toThrow(/request context/);
  });

  test('getActiveWorksheet() follows the active sheet from one sync to the next', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      expect(active.name).toBe('進捗状況');
      excel.workbook.activeSheetId = excel.workbook.sheets[1].id; // the user clicks another tab
      active.load('name');
      await context.sync();
      expect(active.name).toBe('Sheet2');
    });
  });
});

describe('Excel double: writing', () => {
  test('writes are invisible before sync and applied at sync', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet2').getRange('A1:B1');
      range.values = [['a', 'b']];
      range.format.fill.color = '#ffc7ce';
      expect(cellAt(excel.workbook, 'Sheet2', 'B1').value).toBe('');
      await context.sync();
      expect(cellAt(excel.workbook, 'Sheet2', 'B1').value).toBe('b');
      expect(cellAt(excel.workbook, 'Sheet2', 'B1').fill).toEqual({ color: '#FFC7CE', pattern: 'Solid' });
    });
  });

  test('loads and writes run in queue order within one sync', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const a1 = context.workbook.worksheets.getItem('Sheet2').getRange('A1');
      const before = context.workbook.worksheets.getItem('Sheet2').getRange('A1');
      before.load('values');
      a1.values = [['new']];
      a1.load('values');
      await context.sync();
      expect(before.values).toEqual([['x']]);
      expect(a1.values).toEqual([['new']]);
    });
  });

  test('Excel.run sends what is still queued when the batch returns', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet2').getRange('C1').values = [['late']];
    });
    expect(cellAt(excel.workbook, 'Sheet2', 'C1').value).toBe('late');
    expect(excel.stats.syncs).toBe(1);
  });

  test('strings are coerced as typed input unless the cell is text-formatted; null leaves a cell', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet2');
      sheet.getRange('A2:D2').values = [['12', 'TRUE', '１２', null]];
      const text = sheet.getRange('A3');
      text.numberFormat = [['@']];
      text.values = [['0012']];
      await context.sync();
    });
    expect(cellAt(excel.workbook, 'Sheet2', 'A2').value).toBe(12);
    expect(cellAt(excel.workbook, 'Sheet2', 'B2').value).toBe(true);
    expect(cellAt(excel.workbook, 'Sheet2', 'C2').value).toBe('１２');
    expect(cellAt(excel.workbook, 'Sheet2', 'A3').value).toBe('0012');
  });

  test('a values array of the wrong shape fails at sync', async () => {
    const excel = sample();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet2').getRange('A1:B2').values = [['only one row', 'x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('fill: no fill reads as #FFFFFF with pattern None; clear() restores no fill', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const props = sheet.getRange('A2:B2').getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await context.sync();
      expect(props.value).toEqual([
        [{ format: { fill: { color: '#FFFFFF', pattern: 'None' } } }, { format: { fill: { color: '#FFFF00', pattern: 'Solid' } } }],
      ]);
      sheet.getRange('B2').format.fill.clear();
      await context.sync();
    });
    expect(cellAt(excel.workbook, '進捗状況', 'B2').fill).toBeNull();
  });

  test('notes: add, look up, delete', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.notes.add('C2', '実績が未入力です。');
      const a1 = sheet.notes.getItemOrNullObject('A1');
      a1.load('content');
      const none = sheet.notes.getItemOrNullObject('C3');
      await context.sync();
      expect(a1.isNullObject).toBe(false);
      expect(a1.content).toBe('番号');
      expect(none.isNullObject).toBe(true);
      sheet.notes.getItem('C2').delete();
      await context.sync();
    });
    expect(cellAt(excel.workbook, '進捗状況', 'C2').note).toBeNull();
    expect(cellAt(excel.workbook, '進捗状況', 'A1').note).toBe('番号');
  });

  test('merged areas come back as one comma-separated address (ExcelApi 1.13)', async () => {
    const excel = sample();
    const address = await excel.run(async (context) => {
      const areas = context.workbook.worksheets.getActiveWorksheet().getRange('A1:C3').getMergedAreasOrNullObject();
      areas.load('address');
      await context.sync();
      return areas.address;
    });
    expect(address).toBe("'進捗状況'!B2:B3");
  });

  test('a sheet can be very hidden, then neither activated, selected nor deleted (office-js #365) until made Hidden', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const state = context.workbook.worksheets.add('_psc_state');
      state.visibility = 'VeryHidden';
      await context.sync();
    });
    expect(excel.workbook.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual([
      '進捗状況:Visible',
      'Sheet2:Visible',
      '_psc_state:VeryHidden',
    ]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('_psc_state').activate();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('_psc_state').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await excel.run(async (context) => {
      const state = context.workbook.worksheets.getItem('_psc_state');
      state.visibility = 'Hidden';
      state.delete();
      await context.sync();
    });
    expect(excel.workbook.sheets).toHaveLength(2);
  });
});

describe('Excel double: requirement sets', () => {
  test('an API newer than the configured version fails at sync with ApiNotFound', async () => {
    const excel = sample('1.7');
    expect(excel.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1').getCellProperties({ format: { fill: { color: true } } });
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().notes.add('A2', 'x');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1').getMergedAreasOrNullObject();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('install() provides Excel.run and Office.context.requirements', async () => {
    const excel = sample('1.13');
    const uninstall = excel.install();
    try {
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
      expect(Office.context.displayLanguage).toBe('ja-JP');
      const name = await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        await context.sync();
        return sheet.name;
      });
      expect(name).toBe('進捗状況');
    } finally {
      uninstall();
    }
  });
});

describe('Excel double: syncs and payload limits', () => {
  test('every sync is counted, with its request and response sizes', async () => {
    const excel = sample();
    await excel.run(async (context: DoubleRequestContext) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1:C3');
      r.load('values');
      await context.sync();
      r.values = r.values.map((row) => row.map(() => null));
      await context.sync();
    });
    expect(excel.stats.syncs).toBe(2);
    expect(excel.stats.log[0].responseBytes).toBeGreaterThan(Buffer.byteLength('取組項目窓口改革', 'utf8'));
    expect(excel.stats.log[1].requestBytes).toBeGreaterThan(0);
    expect(excel.stats.largestResponseBytes).toBe(excel.stats.log[0].responseBytes);
  });

  test('a request over 5 MB is refused and nothing of it is applied', async () => {
    const excel = sample();
    const before = cloneWorkbook(excel.workbook);
    const big = Array.from({ length: 2000 }, () => Array.from({ length: 10 }, () => 'あ'.repeat(100)));
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet2').getRange('A1:J2000').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(diffWorkbooks(before, excel.workbook)).toEqual([]);
    expect(excel.stats.largestRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  test('a response over 5 MB fails; loading less per sync works', async () => {
    const text = 'い'.repeat(200);
    const excel = new ExcelDouble({
      workbook: buildWorkbook([{ name: 'S', values: Array.from({ length: 1000 }, () => Array.from({ length: 10 }, () => text)) }]),
    });
    await expect(
      excel.run(async (context) => {
        const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1:J1000');
        r.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const top = sheet.getRange('A1:J500');
      top.load('values');
      await context.sync();
      const bottom = sheet.getRange('A501:J1000');
      bottom.load('values');
      await context.sync();
      expect(top.values.length + bottom.values.length).toBe(1000);
    });
  });

  test('simulated cell-edit mode rejects the next N runs', async () => {
    const excel = sample();
    excel.simulateCellEditMode(2);
    const attempt = () =>
      excel.run(async (context) => {
        const s = context.workbook.worksheets.getActiveWorksheet();
        s.load('name');
        await context.sync();
        return s.name;
      });
    await expect(attempt()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await expect(attempt()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await expect(attempt()).resolves.toBe('進捗状況');
  });
});

describe('Excel double: what it does not model fails loudly', () => {
  test('setting a property the double does not have throws instead of passing silently', async () => {
    const excel = sample();
    await expect(
      excel.run(async (context) => {
        const format = context.workbook.worksheets.getActiveWorksheet().getRange('A1').format as unknown as Record<string, unknown>;
        format.horizontalAlignment = 'Center';
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe('Excel double: wrapped text, frozen rows, list validations', () => {
  test('format.wrapText: unreadable until loaded, written at sync, null when the cells differ', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet2');
      const header = sheet.getRange('A1:B1');
      expect(() => header.format.wrapText).toThrow(/not available/);
      header.format.wrapText = true;
      expect(cellAt(excel.workbook, 'Sheet2', 'B1').wrap).toBe(false);
      header.format.load('wrapText');
      const wider = sheet.getRange('A1:C1');
      wider.load('format/wrapText');
      await context.sync();
      expect(cellAt(excel.workbook, 'Sheet2', 'B1').wrap).toBe(true);
      expect(header.format.wrapText).toBe(true);
      expect(wider.format.wrapText).toBeNull();
      const props = sheet.getRange('B1:C1').getCellProperties({ format: { wrapText: true } });
      sheet.getRange('A1').clear('Formats');
      await context.sync();
      expect(props.value).toEqual([[{ format: { wrapText: true } }, { format: { wrapText: false } }]]);
    });
    expect(cellAt(excel.workbook, 'Sheet2', 'A1')).toMatchObject({ value: 'x', wrap: false });
  });

  test('freezePanes.freezeRows: applied at sync; getLocationOrNullObject gives the frozen rows or a null object', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const none = sheet.freezePanes.getLocationOrNullObject();
      none.load('address');
      sheet.freezePanes.freezeRows(3);
      expect(excel.workbook.sheets[0].frozenRows).toBe(0);
      const frozen = sheet.freezePanes.getLocationOrNullObject();
      frozen.load('address');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(frozen.isNullObject).toBe(false);
      expect(frozen.address).toBe("'進捗状況'!1:3");
      expect(excel.workbook.sheets[0].frozenRows).toBe(3);
      sheet.freezePanes.freezeRows();
      await context.sync();
      expect(excel.workbook.sheets[0].frozenRows).toBe(1);
      sheet.freezePanes.unfreeze();
      await context.sync();
    });
    expect(excel.workbook.sheets[0].frozenRows).toBe(0);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().freezePanes.freezeRows(-1);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('dataValidation: a list rule is stored per area at sync and read back as type and rule', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet2');
      const column = sheet.getRange('O4:O33');
      expect(() => column.dataValidation.rule).toThrow(/not available/);
      column.dataValidation.rule = { list: { inCellDropDown: true, source: '◎,○,△,▲,×' } };
      expect(sheetByName(excel.workbook, 'Sheet2').validations).toEqual([]);
      const one = sheet.getRange('O10');
      one.load('dataValidation/type, dataValidation/rule');
      const part = sheet.getRange('O30:O40');
      part.dataValidation.load('type');
      const blank = sheet.getRange('A1');
      blank.dataValidation.load('type');
      await context.sync();
      expect(one.dataValidation.type).toBe('List');
      expect(one.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: '◎,○,△,▲,×' } });
      expect(part.dataValidation.type).toBe('MixedCriteria');
      expect(blank.dataValidation.type).toBe('None');
      // a second rule on some of the cells replaces theirs; clear() takes validation off
      sheet.getRange('O5').dataValidation.rule = { list: { source: 'A,B' } };
      sheet.getRange('O20:O33').dataValidation.clear();
      const mixed = sheet.getRange('O4:O6');
      mixed.dataValidation.load('type, rule');
      await context.sync();
      expect(mixed.dataValidation.type).toBe('Inconsistent');
      expect(mixed.dataValidation.rule).toBeNull();
    });
    const validations = sheetByName(excel.workbook, 'Sheet2').validations.map((v) => ({ ...v, area: v.area.top + 1 + '-' + (v.area.bottom + 1) }));
    expect(validations).toEqual(
      expect.arrayContaining([
        { area: '4-4', list: '◎,○,△,▲,×', inCellDropDown: true },
        { area: '6-19', list: '◎,○,△,▲,×', inCellDropDown: true },
        { area: '5-5', list: 'A,B', inCellDropDown: true },
      ]),
    );
    expect(validations).toHaveLength(3);
  });

  test('dataValidation: rules the double does not model, or Excel refuses, fail at sync', async () => {
    const excel = sample();
    const attempt = (rule: unknown) =>
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Sheet2').getRange('B2');
        (range.dataValidation as unknown as { rule: unknown }).rule = rule;
        await context.sync();
      });
    await expect(attempt({ wholeNumber: { formula1: 0, operator: 'GreaterThan' } })).rejects.toMatchObject({ code: 'NotImplemented' });
    await expect(attempt({ list: { source: 'a' }, custom: { formula: '=TRUE' } })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt({ list: { source: 'あ'.repeat(256) } })).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(sheetByName(excel.workbook, 'Sheet2').validations).toEqual([]);
  });

  test('below ExcelApi 1.8 data validation, and below 1.7 freeze panes, fail at sync with ApiNotFound', async () => {
    const at17 = sample('1.7');
    await expect(
      at17.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('O4:O33').dataValidation.rule = { list: { source: '◎,○' } };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      at17.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('O4').dataValidation.load('type');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      at17.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('O4').dataValidation.clear();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await at17.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().freezePanes.freezeRows(2);
      await context.sync();
    });
    expect(at17.workbook.sheets[0].frozenRows).toBe(2);
    const at16 = sample('1.6');
    await expect(
      at16.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().freezePanes.freezeRows(2);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      at16.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().freezePanes.getLocationOrNullObject();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(at16.workbook.sheets[0].frozenRows).toBe(0);
  });

  test('diff, clone and JSON carry wrap, frozen rows and validations', () => {
    const before = buildWorkbook([
      { name: 'S', values: [['見出し']], wrap: ['A1'], frozenRows: 3, lists: { 'O4:O33': '◎,○,△,▲,×' } },
    ]);
    const copy = cloneWorkbook(before);
    expect(diffWorkbooks(before, copy)).toEqual([]);
    const json = workbookFromJson(JSON.parse(JSON.stringify(workbookToJson(before))) as WorkbookJson);
    expect(diffWorkbooks(before, json)).toEqual([]);
    expect(json.sheets[0]).toMatchObject({ frozenRows: 3, validations: [{ area: { top: 3, left: 14, bottom: 32, right: 14 } }] });
    expect(json.sheets[0].cells.get(0)?.wrap).toBe(true);

    // the same cells validated, cut differently, are no difference
    const recut = cloneWorkbook(before);
    recut.sheets[0].validations = [
      { area: { top: 3, left: 14, bottom: 9, right: 14 }, list: '◎,○,△,▲,×', inCellDropDown: true },
      { area: { top: 10, left: 14, bottom: 32, right: 14 }, list: '◎,○,△,▲,×', inCellDropDown: true },
    ];
    expect(diffWorkbooks(before, recut)).toEqual([]);

    const after = cloneWorkbook(before);
    const s = after.sheets[0];
    s.cells.set(0, { ...s.cells.get(0)!, wrap: false });
    s.frozenRows = 0;
    s.validations = [{ area: { top: 3, left: 14, bottom: 9, right: 14 }, list: '◎,○,△,▲,×', inCellDropDown: true }];
    s.validations.push({ area: { top: 0, left: 0, bottom: 0, right: 0 }, list: 'a,b', inCellDropDown: false });
    expect(diffWorkbooks(before, after)).toEqual([
      'S!A1 wrap: true → false',
      'S frozenRows: 3 → 0',
      'S!O11:O33 validation: list "◎,○,△,▲,×" → none',
      'S!A1 validation: none → list "a,b" (no dropdown)',
    ]);
    // the clone is a copy: changing it left the original as it was
    expect(before.sheets[0].frozenRows).toBe(3);
    expect(before.sheets[0].validations).toHaveLength(1);
    expect(before.sheets[0].cells.get(0)?.wrap).toBe(true);
  });
});

describe('custom XML parts (ExcelApi 1.5)', () => {
  const NS = 'urn:test:parts';
  test('add, getByNamespace, getOnlyItemOrNullObject, getXml, setXml, delete; values only after load and sync; kept over reopen()', async () => {
    const excel = new ExcelDouble({ workbook: buildWorkbook([{ name: 'S', values: [['a']] }]) });
    await excel.run(async (context) => {
      const none = context.workbook.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
      expect(() => none.isNullObject).toThrow();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      context.workbook.customXmlParts.add(`<root xmlns="${NS}">one</root>`);
      await context.sync();
    });
    excel.reopen();
    await excel.run(async (context) => {
      const part = context.workbook.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
      part.load('id');
      const xml = part.getXml();
      expect(() => xml.value).toThrow();
      await context.sync();
      expect(part.isNullObject).toBe(false);
      expect(xml.value).toBe(`<root xmlns="${NS}">one</root>`);
      part.setXml(`<root xmlns="${NS}">two</root>`);
      await context.sync();
    });
    expect(excel.workbook.customXmlParts?.[0].xml).toContain('two');
    await excel.run(async (context) => {
      const other = context.workbook.customXmlParts.getByNamespace('urn:other').getOnlyItemOrNullObject();
      const part = context.workbook.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
      part.delete();
      await context.sync();
      expect(other.isNullObject).toBe(true);
    });
    expect(excel.workbook.customXmlParts).toEqual([]);
  });

  test('below ExcelApi 1.5 the calls fail at sync', async () => {
    const excel = new ExcelDouble({ apiVersion: '1.4', workbook: buildWorkbook([{ name: 'S', values: [['a']] }]) });
    await expect(
      excel.run(async (context) => {
        context.workbook.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
