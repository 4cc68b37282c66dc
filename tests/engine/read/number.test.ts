/**
 * design.md §4 "Reading values": numbers. One test per reading rule, with the worked values of the
 * design page and of the seed workbooks.
 */
import { readNumber, type NumberReading } from '../../../src/engine/read/number';

/** The reading must be a number; returns it so the test can look at value, unit and note. */
function asNumber(reading: NumberReading): Extract<NumberReading, { kind: 'number' }> {
  expect(reading.kind).toBe('number');
  return reading as Extract<NumberReading, { kind: 'number' }>;
}

describe('readNumber: NFKC first', () => {
  test('full-width digits １２３ read as 123 and are reported as a variant spelling', () => {
    const r = asNumber(readNumber('１２３'));
    expect(r.value).toBe(123);
    expect(r.unit).toBeNull();
    expect(r.variant).toBe(true);
  });

  test('full-width digits with a full-width comma and percent: ９１．２４％ is 0.9124', () => {
    const r = asNumber(readNumber('９１．２４％'));
    expect(r.value).toBeCloseTo(0.9124, 4);
    expect(r.unit).toBe('%');
    expect(r.variant).toBe(true);
  });

  test('half-width digits are not a variant', () => {
    expect(asNumber(readNumber('123')).variant).toBe(false);
  });
});

describe('readNumber: thousands separators', () => {
  test('1,234 reads as 1234', () => {
    const r = asNumber(readNumber('1,234'));
    expect(r.value).toBe(1234);
    expect(r.unit).toBeNull();
    expect(r.variant).toBe(false);
  });

  test('full-width １，２３４ reads as 1234 (variant)', () => {
    const r = asNumber(readNumber('１，２３４'));
    expect(r.value).toBe(1234);
    expect(r.variant).toBe(true);
  });

  test('seed 004 figures: 40,439 and 385,000', () => {
    expect(asNumber(readNumber('40,439')).value).toBe(40439);
    expect(asNumber(readNumber('385,000')).value).toBe(385000);
  });
});

describe('readNumber: △ / ▲ before a number is negative', () => {
  test('△ 30,095 (seed 004, with a space) is −30,095', () => {
    expect(asNumber(readNumber('△ 30,095')).value).toBe(-30095);
  });

  test('▲500 is −500', () => {
    expect(asNumber(readNumber('▲500')).value).toBe(-500);
  });

  test('△ with a unit keeps the unit: △1,200千円 is −1200 千円', () => {
    const r = asNumber(readNumber('△1,200千円'));
    expect(r.value).toBe(-1200);
    expect(r.unit).toBe('千円');
  });
});

describe('readNumber: a unit after the number is kept', () => {
  test.each([
    ['1,050g', 1050, 'g'],
    ['2.5kg', 2.5, 'kg'],
    ['1,200kWh', 1200, 'kWh'],
    ['30L', 30, 'L'],
    ['1,200kL', 1200, 'kL'],
    ['500mL', 500, 'mL'],
  ])('%s reads as %d %s (units written after the figure: 鈴鹿市 writes ごみの排出量 in g)', (text, value, unit) => {
    const r = asNumber(readNumber(text));
    expect([r.value, r.unit]).toEqual([value, unit]);
  });

  test('4,031,724,014円 is 4031724014 円', () => {
    const r = asNumber(readNumber('4,031,724,014円'));
    expect(r.value).toBe(4031724014);
    expect(r.unit).toBe('円');
    expect(r.note).toBeNull();
  });

  test('千円 is a unit of its own (the value is not multiplied): 2,419千円 is 2419 千円', () => {
    const r = asNumber(readNumber('2,419千円'));
    expect(r.value).toBe(2419);
    expect(r.unit).toBe('千円');
  });

  test.each([
    ['12件', 12, '件'],
    ['3人', 3, '人'],
    ['4回', 4, '回'],
    ['1,857枚', 1857, '枚'],
    ['40時間', 40, '時間'],
  ])('%s is %d %s', (text, value, unit) => {
    const r = asNumber(readNumber(text));
    expect(r.value).toBe(value);
    expect(r.unit).toBe(unit);
  });
});

describe('readNumber: a figure with the reduction it states (福知山市, 第5次行財政改革プラン)', () => {
  test.each([
    ['12.4%削減', 0.124, '%'],
    ['1.8%縮減', 0.018, '%'],
    ['15人削減', 15, '人'],
    ['4,533百万円削減', 4533, '百万円'],
  ])('%s is %d %s, the reduction kept as its note', (text, value, unit) => {
    const r = asNumber(readNumber(text));
    expect(r.value).toBe(value);
    expect(r.unit).toBe(unit);
    expect(r.note).toMatch(/^(削減|縮減)$/);
  });

  test('other words of what was done stay text: 10件追加, 3回開催, 5人増', () => {
    for (const text of ['10件追加', '3回開催', '5人増']) expect(readNumber(text).kind).toBe('invalid');
  });
});

describe('readNumber: 億 and then 万 in one amount (H25 行財政改革の取組実績)', () => {
  test('「△ 2 億 7,213 万円」 is -272,130,000 円; 「3 億 6,154 万円減」 is not a figure of its own', () => {
    const r = asNumber(readNumber('△ 2 億 7,213 万円'));
    expect(r.value).toBe(-272_130_000);
    expect(r.unit).toBe('円');
    expect(asNumber(readNumber('1億2000万円')).value).toBe(120_000_000);
  });
});

describe('readNumber: a unit word the list lacks (issue 7: 枚方市, 久留米市)', () => {
  // a short run of kanji or katakana after the figure is the sheet's own counter word
  test.each([
    ['74事業所', 74, '事業所', null],
    ['6,500千人', 6500, '千人', null],
    ['5,730千人(26年度)', 5730, '千人', '26年度'],
    ['12地区', 12, '地区', null],
    ['３区画', 3, '区画', null],
    ['8ヘクタール', 8, 'ヘクタール', null],
  ])('%s is %d %s (note %s)', (text, value, unit, note) => {
    const r = asNumber(readNumber(text));
    expect([r.value, r.unit, r.note]).toEqual([value, unit, note]);
  });

  // a word that tells what was done, or a known unit and more (年度, 回目), keeps the cell text
  test.each(['10件追加', '4件追加', '3回開催', '5人増', '3年度', '2回目', '100万円程度の削減', '10か所で実施'])('%s stays text (invalid)', (text) => {
    expect(readNumber(text).kind).toBe('invalid');
  });
});

describe('readNumber: 万 and 億 before a unit multiply', () => {
  test('16.5万㎡ is 165,000 ㎡', () => {
    const r = asNumber(readNumber('16.5万㎡'));
    expect(r.value).toBe(165000);
    expect(r.unit).toBe('㎡');
  });

  test('3万人 is 30,000 人', () => {
    const r = asNumber(readNumber('3万人'));
    expect(r.value).toBe(30000);
    expect(r.unit).toBe('人');
  });
});

describe('readNumber: percent', () => {
  test('91.24% is the fraction 0.9124', () => {
    const r = asNumber(readNumber('91.24%'));
    expect(r.value).toBeCloseTo(0.9124, 4);
    expect(r.unit).toBe('%');
  });

  test('106.36% (seed 004 No.9) is 1.0636', () => {
    expect(asNumber(readNumber('106.36%')).value).toBeCloseTo(1.0636, 4);
  });

  test('a numeric cell 0.85 formatted 0.0% is already a fraction: 0.85 %', () => {
    const r = asNumber(readNumber(0.85, '0.0%'));
    expect(r.value).toBeCloseTo(0.85, 4);
    expect(r.unit).toBe('%');
  });

  test('the same numeric 0.85 without a percent format is a plain 0.85', () => {
    const r = asNumber(readNumber(0.85, 'General'));
    expect(r.value).toBe(0.85);
    expect(r.unit).toBeNull();
  });
});

describe('readNumber: compound values', () => {
  test('39,757時間 (94,603,965円) reads as 39,757 時間, the bracketed part kept as text', () => {
    const r = asNumber(readNumber('39,757時間 (94,603,965円)'));
    expect(r.value).toBe(39757);
    expect(r.unit).toBe('時間');
    expect(r.note).toBe('94,603,965円');
  });

  test('full-width brackets work the same: 39,757時間（94,603,965円）', () => {
    const r = asNumber(readNumber('39,757時間（94,603,965円）'));
    expect(r.value).toBe(39757);
    expect(r.unit).toBe('時間');
    expect(r.note).toBe('94,603,965円');
  });
});

describe('readNumber: empty', () => {
  test.each([
    ['null', null],
    ['undefined', undefined],
    ['""', ''],
    ['spaces', '   '],
    ['ideographic space', '\u3000'],
    ['tab and line break', '\t\n'],
  ])('%s is blank', (_name, value) => {
    expect(readNumber(value)).toEqual({ kind: 'blank' });
  });
});

describe('readNumber: explicit "nothing to report" markers', () => {
  test.each(['－', '-', '―', 'ー', 'なし', '該当なし', '/'])('%s is none (present, not a number)', (marker) => {
    expect(readNumber(marker)).toEqual({ kind: 'none' });
  });

  test('a marker with surrounding spaces is still none', () => {
    expect(readNumber(' - ')).toEqual({ kind: 'none' });
  });
});

describe('readNumber: Excel errors are issues, never numbers', () => {
  test.each(['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!'])('%s is an error', (code) => {
    expect(readNumber(code)).toEqual({ kind: 'error', error: code });
  });
});

describe('readNumber: text that is no number', () => {
  test('達成 is invalid, and keeps the text as written', () => {
    expect(readNumber('達成')).toEqual({ kind: 'invalid', text: '達成' });
  });

  test.each(['約100', '100万円程度の削減', 'TRUE?'])('%s is invalid', (text) => {
    expect(readNumber(text).kind).toBe('invalid');
  });

  test('a boolean cell is invalid', () => {
    expect(readNumber(true).kind).toBe('invalid');
  });

  test('NaN and Infinity numeric cells are invalid, not numbers', () => {
    expect(readNumber(Number.NaN).kind).toBe('invalid');
    expect(readNumber(Number.POSITIVE_INFINITY).kind).toBe('invalid');
  });
});

describe('readNumber: long figures keep every digit', () => {
  // design.md §4 "Numbers: thousands separators": a figure written with separators reads as that
  // figure, however long (budgets in 円 run to 13 digits and more).
  test('123,456,789,012 reads as 123456789012', () => {
    expect(asNumber(readNumber('123,456,789,012')).value).toBe(123456789012);
  });

  test('1,234,567,890,123円 (13 digits) reads as 1234567890123 円, as exact as the numeric cell', () => {
    const r = asNumber(readNumber('1,234,567,890,123円'));
    expect(r.value).toBe(1234567890123);
    expect(r.unit).toBe('円');
    expect(asNumber(readNumber(1234567890123)).value).toBe(1234567890123);
  });

  test('9,007,199,254,740,991 (the largest safe integer) reads exactly', () => {
    expect(asNumber(readNumber('9,007,199,254,740,991')).value).toBe(Number.MAX_SAFE_INTEGER);
  });
});

test('平方メートル is a unit (福知山市: 「延床面積 45,298平方メートル」)', () => {
  expect(readNumber('45,298平方メートル', null)).toMatchObject({ kind: 'number', value: 45298, unit: '平方メートル' });
});
