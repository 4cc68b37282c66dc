/**
 * Issue 7 item 4: a legend near the table (above or below it, or in the header cell itself)
 * defines the allowed evaluation values and their order; with percentages it maps them to rates.
 */
import { readEvaluation, readOnScale, type EvaluationScale } from '../../../src/engine/read/evaluation';
import { parseLegend } from '../../../src/engine/read/legend';

describe('parseLegend: letters', () => {
  test('「評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ」', () => {
    const legend = parseLegend('評価　S：計画以上　A：計画どおり　B：やや遅れ　C：遅れ');
    expect(legend).toEqual({
      label: '評価',
      scale: { kind: 'letters', allowed: ['S', 'A', 'B', 'C'], thresholds: null, notEvaluated: [], source: 'legend' },
    });
  });

  test('lower-case 「a：順調　b：概ね順調　c：やや遅れ　d：遅れ」 keeps its case', () => {
    expect(parseLegend('a：順調　b：概ね順調　c：やや遅れ　d：遅れ')?.scale.allowed).toEqual(['a', 'b', 'c', 'd']);
  });

  test('full-width letters and colons, entries without spaces (計画以上Ａ：…)', () => {
    expect(parseLegend('Ｓ：計画以上Ａ：計画どおりＢ：やや遅れＣ：遅れ')?.scale.allowed).toEqual(['S', 'A', 'B', 'C']);
  });

  test('with percentages the letters are mapped to rates, highest first', () => {
    const legend = parseLegend('A：100%以上　B：80%以上100%未満　C：50%以上80%未満　D：50%未満');
    expect(legend?.scale.thresholds).toEqual([
      { grade: 'A', min: 1 },
      { grade: 'B', min: 0.8 },
      { grade: 'C', min: 0.5 },
      { grade: 'D', min: null },
    ]);
  });

  test('割 and full-width ％ are rates too', () => {
    expect(parseLegend('A：10割以上 B：８割以上 C：８割未満')?.scale.thresholds).toEqual([
      { grade: 'A', min: 1 },
      { grade: 'B', min: 0.8 },
      { grade: 'C', min: null },
    ]);
    expect(parseLegend('A：１００％以上 B：５０％以上 C：５０％未満')?.scale.thresholds?.[1]).toEqual({ grade: 'B', min: 0.5 });
  });

  test('percentages on some values only: no mapping (no comparison)', () => {
    expect(parseLegend('A：100%以上 B：概ね達成 C：未達成')?.scale.thresholds).toBeNull();
  });
});

describe('parseLegend: a title in brackets with a colon of its own (大分市)', () => {
  test('「【評価:事業効果】 A:高い  B:やや高い  C:ふつう  D:やや低い  E:低い」: five letters, the title as label', () => {
    const legend = parseLegend('【評価:事業効果】 A:高い  B:やや高い  C:ふつう  D:やや低い  E:低い');
    expect(legend?.scale).toMatchObject({ kind: 'letters', allowed: ['A', 'B', 'C', 'D', 'E'], thresholds: null });
    // the label still names 評価: the strip is matched to the 評価 column
    expect(legend?.label).toBe('評価事業効果');
  });

  test('full-width 【評価：達成度】 with rates keeps the rates', () => {
    const legend = parseLegend('【評価：達成度】　Ａ：100％以上　Ｂ：80％以上　Ｃ：80％未満');
    expect(legend?.scale.thresholds).toEqual([
      { grade: 'A', min: 1 },
      { grade: 'B', min: 0.8 },
      { grade: 'C', min: null },
    ]);
  });

  test('a bracketed title before no entries is no legend: 「【注:金額は千円】」', () => {
    expect(parseLegend('【注:金額は千円】')).toBeNull();
  });

  test('the whole legend in brackets (龍郷町): 「【 ▲:検討・準備　●:実施・継続 】」, ● a mark of its own', () => {
    expect(parseLegend('【 ▲:検討・準備　●:実施・継続 】')?.scale).toMatchObject({ kind: 'symbols', allowed: ['▲', '●'] });
  });
});

describe('parseLegend: a key meaning nothing was there to judge (千葉県)', () => {
  test('「計画事項なし：…判定する計画事項がない」 is not evaluated, the other two are the scale', () => {
    const legend = parseLegend('※進行状況　計画達成：14年度の計画事項を達成　未達成：14年度の計画事項を達成できなかった　計画事項なし：14年度は内部検討等で、判定する計画事項がない');
    expect(legend?.label).toBe('進行状況');
    expect(legend?.scale).toMatchObject({ kind: 'words', allowed: ['計画達成', '未達成'], notEvaluated: ['計画事項なし'] });
  });
});

describe('parseLegend: symbols', () => {
  test('「◎：達成　○：概ね達成　△：一部未達成　×：未達成」', () => {
    const legend = parseLegend('◎：達成　○：概ね達成　△：一部未達成　×：未達成');
    expect(legend?.scale).toMatchObject({ kind: 'symbols', allowed: ['◎', '○', '△', '×'] });
  });

  test('a restricted set ○△× (written 〇): ◎ is not on it', () => {
    const legend = parseLegend('【評価】〇：実施　△：一部実施　×：未実施');
    expect(legend?.label).toBe('評価');
    expect(legend?.scale.allowed).toEqual(['○', '△', '×']);
  });

  test('not-evaluated entries are set apart: 「－：対象外」, 「対象外：評価しないもの」', () => {
    const legend = parseLegend('◎：達成　○：概ね達成　×：未達成　－：対象外');
    expect(legend?.scale.allowed).toEqual(['◎', '○', '×']);
    expect(legend?.scale.notEvaluated).toEqual(['-']);
    expect(parseLegend('○：実施 ×：未実施 対象外：評価しないもの')?.scale.notEvaluated).toEqual(['対象外']);
  });

  test('rates on symbols, listed worst first, are ordered best first', () => {
    const legend = parseLegend('×：50%未満 △：50%以上 ○：80%以上 ◎：100%以上');
    expect(legend?.scale.allowed).toEqual(['◎', '○', '△', '×']);
    expect(legend?.scale.thresholds?.[0]).toEqual({ grade: '◎', min: 1 });
  });
});

describe('parseLegend: words', () => {
  test('a list without descriptions: 「完了／取組中／未着手」', () => {
    expect(parseLegend('完了／取組中／未着手')?.scale).toMatchObject({ kind: 'words', allowed: ['完了', '取組中', '未着手'] });
  });

  test('in a header cell: 「実施状況\\n（完了・取組中・未着手）」', () => {
    const legend = parseLegend('実施状況\n（完了・取組中・未着手）');
    expect(legend?.label).toBe('実施状況');
    expect(legend?.scale.allowed).toEqual(['完了', '取組中', '未着手']);
  });

  test('words with descriptions: 「達成：目標を達成　一部達成：…　未達成：…」', () => {
    expect(parseLegend('達成：目標を達成した　一部達成：一部を達成した　未達成：達成していない')?.scale.allowed).toEqual([
      '達成',
      '一部達成',
      '未達成',
    ]);
  });

  test('unknown words need an evaluation label: 「進捗区分　A群/B群」 no, 「進捗　良好／要改善」 yes', () => {
    expect(parseLegend('良好／要改善')).toBeNull();
    expect(parseLegend('進捗　良好／要改善')?.scale.allowed).toEqual(['良好', '要改善']);
  });
});

describe('parseLegend: phrases as keys under an evaluation title in brackets (浜松市)', () => {
  const LINE = '【達成状況】　年度計画よりも進んでいる：目標値に対し実績値が110%超　年度計画どおり：95%以上110%以下　年度計画よりも遅れている：95%未満';

  test('「【達成状況】 年度計画よりも進んでいる：…110%超 年度計画どおり：95%以上110%以下 年度計画よりも遅れている：95%未満」: three phrases with their bands', () => {
    const legend = parseLegend(LINE);
    expect(legend?.scale.allowed).toEqual(['年度計画よりも進んでいる', '年度計画どおり', '年度計画よりも遅れている']);
    expect(legend?.scale.thresholds?.map((t) => [t.grade, t.min])).toEqual([
      ['年度計画よりも進んでいる', 1.1],
      ['年度計画どおり', 0.95],
      ['年度計画よりも遅れている', null],
    ]);
  });

  test('without the title a phrase of twelve characters is no key: the line is no legend', () => {
    expect(parseLegend(LINE.replace('【達成状況】　', ''))).toBeNull();
  });
});

describe('parseLegend: marks in quotes, arrows among them (八代市)', () => {
  const LINE = '【達成状況】　「△」：調査、検討、準備　「○」：一部実施、試行　「◎」：実施、達成　「→」：継続して推進　「◎→」：実施後、引き続き推進';

  test('five marks: △ ○ ◎ and the arrows → ◎→, each a key of its own', () => {
    const legend = parseLegend(LINE);
    expect(legend?.label).toBe('達成状況');
    expect(legend?.scale).toMatchObject({ kind: 'symbols', allowed: ['△', '○', '◎', '→', '◎→'] });
  });

  test('cells are read on it: → and ◎→ (〇→ as a variant) pass, × and ⇒ are off it', () => {
    const scale = parseLegend(LINE)?.scale as EvaluationScale;
    expect(readOnScale('→', scale)).toEqual({ kind: 'value', value: '→', variant: null });
    expect(readOnScale('◎→', scale)).toEqual({ kind: 'value', value: '◎→', variant: null });
    expect(readOnScale('〇', scale)).toMatchObject({ kind: 'value', value: '○' });
    expect(readOnScale('×', scale).kind).toBe('invalid');
    expect(readOnScale('⇒', scale).kind).toBe('invalid');
  });

  test('on the default marks an arrow stays off the scale', () => {
    expect(readEvaluation('→').kind).toBe('other');
  });
});

describe('parseLegend: letters written full-width (秋田市 【進捗状況】)', () => {
  test('「【進捗状況】　Ａ：計画より進んでいる　Ｂ：…」: Ａ in a cell is the sheet’s own spelling, no variant; a half-width A is read too', () => {
    const scale = parseLegend('【進捗状況】　Ａ：計画より進んでいる　Ｂ：計画どおり進んでいる　Ｃ：やや遅れている　Ｄ：遅れている')?.scale as EvaluationScale;
    expect(scale).toMatchObject({ kind: 'letters', allowed: ['A', 'B', 'C', 'D'], fullWidth: true });
    expect(readOnScale('Ａ', scale)).toEqual({ kind: 'value', value: 'A', variant: null });
    expect(readOnScale('B', scale)).toEqual({ kind: 'value', value: 'B', variant: null });
    expect(readOnScale('Ｅ', scale).kind).toBe('invalid');
  });

  test('on a legend of half-width letters a full-width Ａ stays a variant', () => {
    const scale = parseLegend('評価　A：計画以上　B：計画どおり　C：遅れ')?.scale as EvaluationScale;
    expect(readOnScale('Ａ', scale)).toEqual({ kind: 'value', value: 'A', variant: 'Ａ' });
  });
});

describe('parseLegend: a score in points (鴨川市 評価得点)', () => {
  const LINE = '【評価得点】　5：計画どおり完了　4：おおむね計画どおり　3：一部に遅れ　2：大幅に遅れ　1：検討のみ　0：未着手（5点×24項目＝120点満点）';

  test('the points 5 … 0 are the scale; the sum in brackets (5点×24項目＝120点満点) is no entry', () => {
    expect(parseLegend(LINE)?.scale).toMatchObject({ kind: 'words', allowed: ['5', '4', '3', '2', '1', '0'] });
  });

  test('cells are read on it: 5 and 0 pass, a full-width ５ is a variant, 6 is off it', () => {
    const scale = parseLegend(LINE)?.scale as EvaluationScale;
    expect(readOnScale(5, scale)).toEqual({ kind: 'value', value: '5', variant: null });
    expect(readOnScale(0, scale)).toEqual({ kind: 'value', value: '0', variant: null });
    expect(readOnScale('５', scale)).toEqual({ kind: 'value', value: '5', variant: '５' });
    expect(readOnScale(6, scale).kind).toBe('invalid');
  });

  test('digits are no scale without a score’s label (2025：… 2026：… are years)', () => {
    expect(parseLegend('5：計画どおり完了　4：おおむね計画どおり　3：一部に遅れ')).toBeNull();
  });
});

describe('parseLegend: grades in words that hold a figure (群馬県 実施結果評価)', () => {
  test('「【実施結果評価】達成：… 50%以上実施：… 50%未満実施：… 未実施：…」', () => {
    const legend = parseLegend('【実施結果評価】達成：取組目標を達成　50%以上実施：作業内容の50%以上を実施　50%未満実施：50%未満を実施　未実施：実施していない');
    expect(legend?.label).toBe('実施結果評価');
    expect(legend?.scale).toMatchObject({ kind: 'words', allowed: ['達成', '50%以上実施', '50%未満実施', '未実施'] });
  });
});

describe('parseLegend: letters each before their meaning, without colons (大津町)', () => {
  test('「※取組みの評価　A　目標以上〔100%超〕　B（ほぼ）目標通り〔100%～80%〕　C　やや遅れ〔80%～50%〕　D　遅れ〔50%未満〕」', () => {
    const legend = parseLegend('※取組みの評価　A　目標以上〔100%超〕　B（ほぼ）目標通り〔100%～80%〕　C　やや遅れ〔80%～50%〕　D　遅れ〔50%未満〕');
    expect(legend?.label).toBe('取組みの評価');
    // a band written either way round counts from its lower end
    expect(legend?.scale.thresholds).toEqual([
      { grade: 'A', min: 1 },
      { grade: 'B', min: 0.8 },
      { grade: 'C', min: 0.5 },
      { grade: 'D', min: null },
    ]);
  });

  test('two letters, or letters with no words after them, are no legend', () => {
    expect(parseLegend('A 達成 B 未達成')).toBeNull();
    expect(parseLegend('A B C D')).toBeNull();
  });
});

describe('parseLegend: keys spaced out letter by letter (第二次行政改革大綱)', () => {
  test('「※未 着 手：…　取 組 中：…　完　　了：…」 is 未着手 / 取組中 / 完了', () => {
    const legend = parseLegend('※未 着 手：取組への検討がなされていないもの　取 組 中：実施内容に基づき具体的に着手しているもの　完　　了：実施内容に基づき取組が完了したもの');
    expect(legend?.scale).toMatchObject({ kind: 'words', allowed: ['未着手', '取組中', '完了'] });
  });

  test('a space between words of two letters stays: the next key is not swallowed (…もの　取 組 中：)', () => {
    const legend = parseLegend('未 着 手：検討していないもの　取 組 中：着手しているもの');
    expect(legend?.scale.allowed).toEqual(['未着手', '取組中']);
  });
});

describe('parseLegend: what is no legend', () => {
  test.each([
    '令和7年度 行財政改革 進捗状況（第2四半期）',
    '★：主要担当課',
    '作成日：2025/9/30',
    '担当：総務課　電話：1234',
    '目標：100件　実績：80件',
    '2024：計画策定　2025：実施',
    '大分類3 歳出・歳入／資産・債権管理の見直し',
    '【行政経営推進方針2022】における主な取り組み実績調査（令和4年度・令和5年度 実績）',
    '※目標値(R10)は計画最終年度の値',
    '',
  ])('%p', (text) => {
    expect(parseLegend(text)).toBeNull();
  });
});

describe('parseLegend: circled numbers', () => {
  test('①：達成 ②：… ③：… is a scale of ① ② ③, in that order, whatever the brackets in a description', () => {
    const legend = parseLegend('※業績目標の達成状況　①：達成　②：進捗が遅れている（今年度早期に達成予定、又は数値目標は下回ったがほぼ目的を達成）　③：達成できなかった');
    expect(legend?.label).toBe('業績目標の達成状況');
    expect(legend?.scale.kind).toBe('letters');
    expect(legend?.scale.allowed).toEqual(['①', '②', '③']);
  });

  test('a list in brackets is a scale only when it fills them: プロセス評価（Ⅰ企画・立案 Ⅱ実施 Ⅲ評価） names aspects', () => {
    expect(parseLegend('プロセス評価\n（Ⅰ企画・立案　Ⅱ実施　Ⅲ評価）')).toBeNull();
    expect(parseLegend('進捗状況（順調・概ね順調・遅れ）')?.scale.allowed).toEqual(['順調', '概ね順調', '遅れ']);
  });
});
