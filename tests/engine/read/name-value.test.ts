/**
 * KPI cells that hold a name and a figure (issue 7: 北九州市, 大崎町, 大田原市, 宮古島市), and a grade
 * written after a value in the same cell. The reader takes one trailing figure; a description
 * with figures inside is never turned into a number. Property cases use a fixed seed.
 */
import fc from 'fast-check';
import { readKpiNumber, splitNameValue } from '../../../src/engine/read/nameValue';
import { readEvaluation, readOnScale, type EvaluationScale } from '../../../src/engine/read/evaluation';
import { parseLegend } from '../../../src/engine/read/legend';

const SEED = 20260701;

describe('splitNameValue / readKpiNumber', () => {
  test.each([
    ['市内大学等卒業生の市内就職率\n30%', 0.3, '市内大学等卒業生の市内就職率'],
    ['就職者数\n年間500人', 500, '就職者数'],
    ['移住相談件数\n累計2,000件', 2000, '移住相談件数'],
    ['加入率 75%', 0.75, '加入率'],
    ['就業相談者数 100 人', 100, '就業相談者数'],
    ['新規農業生産法人数5件', 5, '新規農業生産法人数'],
    ['学校給食等における地場産物利用割合 30%以上', 0.3, '学校給食等における地場産物利用割合'],
    ['実施\n△112,300', -112300, '実施'],
    ['認証取得事業所数 74事業所', 74, '認証取得事業所数'],
  ])('%j reads %d after the name', (text, value, name) => {
    const reading = readKpiNumber(text);
    expect(reading).toMatchObject({ kind: 'number', value });
    expect(splitNameValue(text)?.name).toBe(name);
  });

  test('a year label, the figure and the grade: 「H29:26.4%\\n【B】」', () => {
    expect(splitNameValue('H29:26.4%\n【B】')).toEqual({ name: null, value: '26.4%', year: 'H29', qualifier: null, grade: 'B' });
    expect(readKpiNumber('H29:26.4%\n【B】')).toMatchObject({ kind: 'number', value: 0.264, unit: '%' });
  });

  test('a target year, then the progress in brackets: 「H28 年度\\n(75%)」; full-width digits stay a variant', () => {
    expect(readKpiNumber('H28 年度\n(75%)')).toMatchObject({ kind: 'number', value: 0.75, variant: false });
    expect(readKpiNumber('H28 年度\n（５０％）')).toMatchObject({ kind: 'number', value: 0.5, variant: true });
  });

  test('a past year’s figure in brackets after the figure is its baseline, not the figure (東村山市)', () => {
    expect(readKpiNumber('市民意識調査 認知度 19%以上（H24年度 17.9%）')).toMatchObject({ kind: 'number', value: 0.19 });
    expect(splitNameValue('市民意識調査 認知度 19%以上（H24年度 17.9%）')?.name).toBe('市民意識調査 認知度');
    expect(readKpiNumber('提案件数 年30件以上 (平成24年度：22件)')).toMatchObject({ kind: 'number', value: 30 });
    // a bracket alone is still the figure after a year label
    expect(readKpiNumber('H28 年度\n(75%)')).toMatchObject({ kind: 'number', value: 0.75 });
  });

  test('a figure in 億 and 万 under its date line is read whole (軽米町: 「平成22年度末\\n12億5061万円」)', () => {
    expect(readKpiNumber('平成22年度末\n12億5061万円')).toMatchObject({ kind: 'number', value: 1_250_610_000 });
    expect(splitNameValue('地方債残高 12億5061万円')).toMatchObject({ name: '地方債残高', value: '12億5061万円' });
    expect(readKpiNumber('基金残高 △1億2,000万円')).toMatchObject({ kind: 'number', value: -120_000_000 });
  });

  test('「調査中\\n－」 (not evaluated) is nothing to report, not an invalid number', () => {
    expect(readKpiNumber('調査中\n－')).toEqual({ kind: 'none' });
  });

  test('a footnote in place of the figure (「※調査時点変更により未公表」) is nothing to report', () => {
    expect(readKpiNumber('※調査時点変更により未公表')).toEqual({ kind: 'none' });
    expect(readKpiNumber('注）集計方法の変更により比較不可')).toEqual({ kind: 'none' });
  });

  test.each([
    ['就業相談者数 未集計'],
    ['集計中'],
    ['平成27年度に3回開催した'],
    ['説明会を開催した。参加者120人'],
    ['H29'],
    ['R5年度末'],
    ['第3四半期'],
    ['No.5'],
    ['対象手続 10件追加'],
    ['5歳児健診受診率 95%'],
    ['導入方針の決定'],
  ])('%j stays text (invalid)', (text) => {
    expect(readKpiNumber(text).kind).toBe('invalid');
  });

  test('a plain number reads as readNumber reads it', () => {
    expect(readKpiNumber('1,234件')).toMatchObject({ kind: 'number', value: 1234, unit: '件' });
    expect(readKpiNumber(0.5, '0%')).toMatchObject({ kind: 'number', value: 0.5, unit: '%' });
    expect(readKpiNumber('')).toEqual({ kind: 'blank' });
    expect(readKpiNumber('#DIV/0!')).toEqual({ kind: 'error', error: '#DIV/0!' });
  });
});

const nameChar = fc.constantFrom(...'就職者数相談件率市内企業参加ワークプラザUIJターン・の等による'.split(''));
const name = fc.string({ unit: nameChar, minLength: 1, maxLength: 20 });
const unit = fc.constantFrom('人', '件', '%', '社', '回', '');
const figure = fc.integer({ min: 0, max: 9_999_999 });
const separator = fc.constantFrom('\n', ' ', '\n年間', '\n累計', ' 延べ');

describe('properties (fixed seed)', () => {
  test('a name, a separator and a figure read back as the figure, with the name kept', () => {
    fc.assert(
      fc.property(name, separator, figure, unit, (n, sep, x, u) => {
        const text = `${n}${sep}${x.toLocaleString('en-US')}${u}`;
        const reading = readKpiNumber(text);
        expect(reading.kind).toBe('number');
        if (reading.kind !== 'number') return;
        expect(reading.value).toBeCloseTo(u === '%' ? x / 100 : x, 9);
        expect(splitNameValue(text)?.name).toBe(n.trim().replace(/[\s:：、,，]+$/, '') || null);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('a text with a figure before its end, or two figures, is never a number', () => {
    const words = fc.constantFrom('開催した', '実施', '回開催', '件を達成し', '年度に');
    fc.assert(
      fc.property(name, figure, words, name, (n, x, w, rest) => {
        expect(readKpiNumber(`${n}${x}${w}${rest}`).kind).not.toBe('number');
        expect(readKpiNumber(`${n}${x}件、${rest}${x + 1}件`).kind).not.toBe('number');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('any text: readKpiNumber never throws and a number is finite', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = readKpiNumber(text);
        if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('a grade after a value in the same cell', () => {
  const letters: EvaluationScale = {
    kind: 'letters',
    allowed: ['A', 'B', 'C', 'D'],
    thresholds: null,
    notEvaluated: [],
    source: 'legend',
  };

  test('「H29:26.4%\\n【B】」 reads B, and is no misspelling of it', () => {
    expect(readEvaluation('H29:26.4%\n【B】')).toMatchObject({ kind: 'letter', letter: 'B', embedded: 'B' });
    expect(readOnScale('H29:26.4%\n【B】', letters)).toEqual({ kind: 'value', value: 'B', variant: null });
    expect(readOnScale('H29:26.4%\n【ｂ】', letters)).toEqual({ kind: 'value', value: 'B', variant: 'ｂ' });
  });

  test('「調査中\\n－」 is not evaluated; a lone 【B】 or text with no grade is not embedded', () => {
    expect(readEvaluation('調査中\n－')).toEqual({ kind: 'none' });
    expect(readEvaluation('【B】').kind).toBe('other');
    expect(readEvaluation('H29:26.4%').kind).toBe('other');
    expect(readEvaluation('完了\n済').kind).toBe('other');
  });

  test('a legend strip of bands before bracketed keys maps the letters to rates', () => {
    const legend = parseLegend('H29 年度末時点\nKPI 達成状況  120%以上\n【A】  100~119%\n【B】  70~99%\n【C】  69%以下\n【D】');
    expect(legend?.scale.thresholds).toEqual([
      { grade: 'A', min: 1.2 },
      { grade: 'B', min: 1 },
      { grade: 'C', min: 0.7 },
      { grade: 'D', min: null },
    ]);
    expect(parseLegend('【A】100%以上 【B】80%以上 【C】80%未満')?.scale.allowed).toEqual(['A', 'B', 'C']);
    // section numbers in brackets, or keys without descriptions, are no legend
    expect(parseLegend('【1】行政運営 【2】財政運営')).toBeNull();
    expect(parseLegend('【A】【B】')).toBeNull();
  });
});
