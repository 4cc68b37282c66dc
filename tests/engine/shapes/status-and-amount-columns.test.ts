/**
 * Columns a reform office's sheet fills with something other than prose (the fourth round of city
 * sheets): a 進行状況 of status words with a ※ line for its scale (千葉県), a year's 実施状況 in the
 * schedule's own marks ▲ / ● (龍郷町), a 行政評価's 総合評価 in direction words (拡充 / 改善 / 縮小),
 * amounts in stacked labels beside a text about them, a #REF! in the 合計 row, and lines of an item
 * labelled 年次計画 / 到達目標 / 実績 (東村山市), and money columns (大津町's 累計歳出額（千円）).
 */
import type { CellValue } from '../../../src/engine';
import { check, grid, issues, mapping } from './grid';

describe('進行状況 in status words, scale from the ※ line', () => {
  const rows = (seven: string, eight: string) => [
    ['行財政システム改革行動計画フォローアップ（平成14年度の実施状況）'],
    ['No.', '改革事項', '所管課', '平成14年度の計画', '平成14年度の実施状況', '進行状況'],
    [1, '研修業務の外部委託', '人事課', '科目の選定', '洗い出した。', '計画達成'],
    [2, '施設の民間委託', '行政改革推進室', '施設の選定', '調査した。', '計画達成'],
    [3, '支庁制度の廃止', '総務課', '体制の検討', '再編案を作成した。', seven],
    [4, '研究所の廃止', '健康福祉政策課', '－', '内部検討', '計画事項なし'],
    [5, '内部事務の集約化', '総務課', '設計', '仕様の確定が遅れた。', '未達成'],
    [6, '公募制の導入', '人事課', '－', '内部検討', eight],
    [],
    ['※進行状況　計画達成：14年度の計画事項を達成　未達成：14年度の計画事項を達成できなかった　計画事項なし：14年度は内部検討等で、判定する計画事項がない'],
  ];

  test('is the evaluation; 計画事項なし is no value to judge, and draws nothing', () => {
    const result = check(grid(rows('計画達成', '計画事項なし')), '2003-07-29');
    expect(mapping(result)).toContain('F:evaluation');
    expect(issues(result)).toEqual([]);
  });

  test('a word off the ※ line (概ね達成) is flagged with the line’s scale; a blank one is due after the year', () => {
    const result = check(grid(rows('概ね達成', '')), '2003-07-29');
    expect(issues(result)).toEqual(['F5 invalid-evaluation', 'F8 missing-entry']);
    expect(result.issues[0].message).toContain('計画達成・未達成');
  });
});

describe('a year’s 実施状況 in the schedule’s marks', () => {
  const rows = (a: string, b: string) => [
    ['実施計画　進行管理表（平成29年度実績）'],
    ['【 ▲:検討・準備　●:実施・継続 】'],
    ['主な取組み内容', '担当課等', '平成29年度実績', '平成29年度実績'],
    ['主な取組み内容', '担当課等', '実施状況', '取組結果'],
    ['研修会を実施する。', '総務企画課', '●', '研修会を2回開催した。'],
    ['懇談会を開催する。', '総務企画課', a, '町内3地区で開催した。'],
    ['ホームページを改める。', '総務企画課', '▲', '仕様を検討した。'],
    ['広報紙に集約する。', '総務企画課', b, 'お知らせを集約した。'],
  ];
  const merges = ['A3:A4', 'B3:B4', 'C3:D3'];

  test('is the evaluation, on the legend’s own marks: ● and ▲ pass', () => {
    const result = check(grid(rows('●', '▲'), merges), '2018-06-01');
    expect(mapping(result)).toEqual(['A:item', 'B:department', 'C:evaluation', 'D:period']);
    expect(issues(result)).toEqual([]);
  });

  test('○ (on the default scale, not on this legend) and 済 are flagged', () => {
    const result = check(grid(rows('○', '済'), merges), '2018-06-01');
    expect(issues(result)).toEqual(['C6 invalid-evaluation', 'C8 invalid-evaluation']);
    expect(result.issues[0].message).toContain('▲・●');
  });

  test('several years of marks are a schedule, not evaluations', () => {
    const schedule = [
      ['主な取組み内容', '担当課等', '平成29年度実績', '平成30年度実績'],
      ['研修会を実施する。', '総務企画課', '●', '●'],
      ['懇談会を開催する。', '総務企画課', '▲', '●'],
      ['ホームページを改める。', '総務企画課', '▲', '▲'],
    ];
    const result = check(grid(schedule), '2019-06-01');
    expect(result.columns.filter((c) => c.field === 'evaluation')).toEqual([]);
  });
});

describe('a 行政評価’s 総合評価 in direction words, no legend', () => {
  const rows = (last: string) => [
    ['評価表番号', '事務事業名', '担当課', '総合評価', '具体的取組内容'],
    [2, '計画事業の進行管理', '企画課', '再構築', '事業体系を一本化する。'],
    [4, '行政評価運営', '企画課', '改善', '施策評価を本格実施する。'],
    [7, '公用車管理', '管財課', '縮小', '3台を削減する。'],
    [18, '放課後児童健全育成事業', '子育て支援課', '拡充', '開設時間を延長する。'],
    [19, 'ごみ収集運搬事業', '環境課', last, '委託車両を減らす。'],
  ];

  test('the words the column holds name the scale: none is held to ◎・○・△・▲・×', () => {
    expect(issues(check(grid(rows('改善')), '2008-06-01'))).toEqual([]);
  });

  test('a word off that scale (見直し) is flagged', () => {
    const result = check(grid(rows('見直し')), '2008-06-01');
    expect(issues(result)).toEqual(['D6 invalid-evaluation']);
    expect(result.issues[0].message).toContain('拡充・現状維持・改善・再構築・縮小・統合・休止・廃止');
  });
});

describe('amounts: a stacked 削減額 label, a text about the 効果額, a broken total', () => {
  const rows = [
    ['No.', '事務事業名', '担当課', '総合評価', '歳出削減額\n歳出増加額\n（千円）', '効果額の内訳', '差引額\n（千円）'],
    [7, '公用車管理', '管財課', '改善', '▲ 1,35O', '【歳出減額】 車両維持費減　450千円×▲3台=▲1,350千円', '▲ 1,350'],
    [9, '敬老祝金支給事業', '高齢福祉課', '縮小', '▲ 3,450', '【歳出減額】 扶助費減　5千円×▲690人=▲3,450千円', '▲ 3,450'],
    [12, '市民会館管理運営', '生涯学習課', '改善', 0, '', '▲ 1,800'],
    ['合計', '', '', '', '#REF!', '', '▲ 6,600'],
  ];

  test('削減額 inside the label is the effect, checked as an amount; the 内訳 text is not; the 合計 row’s #REF! is reported', () => {
    const result = check(grid(rows, ['A5:D5']), '2008-06-01');
    expect(mapping(result)).toContain('E:effect');
    expect(mapping(result)).not.toContain('F:effect');
    expect(issues(result)).toEqual(['E2 invalid-number', 'E5 formula-error']);
  });
});

describe('money columns beside the reports (大津町: 累計歳出額（千円）)', () => {
  const rows = (amount: string | number) => [
    ['整理番号', '事業項目', '担当課', '第1四半期', '第2四半期', '累計歳出額\n（千円）', '予算額'],
    [1, '避難所の整備', '防災課', '設計', '着工', 1205300, '2,000,000'],
    [2, '仮設住宅の管理', '建築課', '点検', '修繕', amount, 500000],
    [3, '道路の復旧', '土木課', '測量', '発注', '－', ''],
  ];

  test('each is read as an amount, whatever the family: a typo in one is flagged, a dash or a blank is not', () => {
    const ok = check(grid(rows('45,600')), '2025-10-15');
    expect(mapping(ok)).toEqual(expect.arrayContaining(['F:amount', 'G:amount']));
    expect(issues(ok, ['invalid-number'])).toEqual([]);
    const typo = check(grid(rows('45,6OO')), '2025-10-15');
    expect(issues(typo, ['invalid-number'])).toEqual(['F3 invalid-number']);
    expect(typo.issues.find((i) => i.code === 'invalid-number')?.field).toBe('amount');
  });

  test('a KPI table’s 計画額 / 決算額 stay its target and actual', () => {
    const kpi = [
      ['No.', '取組項目', '担当課', '計画額', '決算額', '達成率'],
      [1, '使用料の見直し', '財政課', 1000, 900, '90%'],
      [2, '遊休地の売却', '管財課', 2000, 2500, '125%'],
    ];
    expect(mapping(check(grid(kpi), '2025-10-15'))).toEqual(['A:id', 'B:item', 'C:department', 'D:kpi.target', 'E:kpi.actual', 'F:rate']);
  });
});

describe('an amount under a year’s group (杉並区: 29年度実績 over 取組実績 | 効果額（千円） | 進捗状況)', () => {
  const rows = (effect: string | number) => [
    ['項目名', '担当課', '29年度実績', '', ''],
    ['項目名', '担当課', '取組実績', '効果額（千円）', '進捗状況'],
    ['窓口業務の委託', '区民課', '委託を開始した。', 12000, '○'],
    ['施設使用料の見直し', '施設課', '改定案を作成した。', effect, '○'],
    ['補助金の見直し', '財政課', '3件を廃止した。', '－', '△'],
  ];
  const merges = ['A1:A2', 'B1:B2', 'C1:E1'];

  test('is the effect, checked as a number; the report beside it stays the year’s result', () => {
    const ok = check(grid(rows('6,200'), merges), '2018-06-01');
    expect(mapping(ok)).toEqual(expect.arrayContaining(['C:period', 'D:effect']));
    expect(issues(ok)).toEqual([]);
    expect(issues(check(grid(rows('6,2OO'), merges), '2018-06-01'))).toEqual(['D4 invalid-number']);
  });
});

describe('a results list with years across (鳥取県西部広域行政管理組合)', () => {
  const rows = (mark: string, step: string, effect: string | number) => [
    ['達成状況　◎：目標を達成　○：概ね達成　△：一部実施　×：未実施'],
    ['No.', '取組項目', '担当課', '目標', '実績', '', '', '達成状況', '効果額（千円）\n5年間累計'],
    ['No.', '取組項目', '担当課', '目標', '平成28年度', '平成29年度', '平成30年度', '達成状況', '効果額（千円）\n5年間累計'],
    [1, '事務局組織体制の見直し', '総務課', '定数内職員 5名減', '1名減', '2名減', '5名減', '◎', 38500],
    [4, '電力入札の導入', '施設課', '所管3施設で導入', '1施設', '2施設', '3施設', '◎', effect],
    [15, '共同処理事務の拡大', '企画課', '新たな共同処理 2事務', step, '協議', '2事務', '○', '－'],
    [18, '消防指令業務の共同運用', '消防局総務課', '指令システムの共同運用開始', '整備', '整備', '運用開始', mark, 5400],
  ];
  const merges = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:G2', 'H2:H3', 'I2:I3'];

  test('達成状況 in marks is the evaluation on the legend; a step (検討, 協議) in a year’s actual is no typo; the 5年間累計 is the effect', () => {
    const result = check(grid(rows('△', '検討', 12600), merges), '2019-06-01');
    expect(mapping(result)).toEqual(expect.arrayContaining(['H:evaluation', 'I:effect']));
    expect(issues(result)).toEqual([]);
  });

  test('a letter off the legend, a typo in the effect and a step that is no step are found', () => {
    const result = check(grid(rows('A', '未集計', '12,6OO'), merges), '2019-06-01');
    expect(issues(result)).toEqual(['I5 invalid-number', 'E6 invalid-number', 'H7 invalid-evaluation']);
  });
});

describe('the year’s own 目標 beside its 実績 (静岡市: 目標値（H25） | 平成22年度 over 目標 | 実績 | 達成率)', () => {
  test('is the target the year’s rate is measured against', () => {
    const rows = [
      ['個票№', '取組項目', '所管課', '数値目標', '', '平成22年度', '', '', '評価'],
      ['個票№', '取組項目', '所管課', '指標', '目標値\n（H25）', '目標', '実績', '達成率', '評価'],
      [1, '経営品質向上活動の全庁展開', '行政経営課', '取組職場数', 150, 80, 86, 1.075, 'A'],
      [6, '事務事業評価による見直し', '行政経営課', '見直し事業数', 200, 50, 38, 0.67, 'C'],
    ];
    const result = check(grid(rows, ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:H1', 'I1:I2']), '2011-06-01');
    expect(result.columns.find((c) => c.field === 'kpi.target')?.letter).toBe('F');
    expect(result.rows.map((r) => r.achievementRate?.toFixed(4))).toEqual(['1.0750', '0.7600']);
    expect(issues(result)).toEqual(['H4 computed-mismatch']);
  });
});

describe('an item over three lines: 年次計画 / 到達目標 / 実績', () => {
  const rows = (actual: string | number) => [
    ['第2次実行プログラムの内容（平成25年度 進捗状況）'],
    ['№', 'プログラム名', '区分', 'H25年度', 'H26年度', '担当課名', '評価\n（H25年度）'],
    [1, '目標管理制度の活用', '年次計画', 'ヒアリングの実施', '制度の見直し', '行政経営課', 'B'],
    ['', '', '到達目標', '80%', '90%', '', ''],
    ['', '', '実績', '79.2%', '', '', ''],
    [2, '市民意識調査結果の活用', '年次計画', '調査の実施', '施策評価に反映', '行政経営課', 'B'],
    ['', '', '到達目標', '50%', '60%', '', ''],
    ['', '', '実績', actual, '', '', ''],
  ];
  const merges = ['A3:A5', 'B3:B5', 'F3:F5', 'G3:G5', 'A6:A8', 'B6:B8', 'F6:F8', 'G6:G8'];

  test('到達目標 is the target line and 実績 the actual; the plan in words is not read as a figure', () => {
    const result = check(grid(rows('45%'), merges), '2014-06-01');
    expect(mapping(result)).toContain('C:kpi.kind');
    expect(result.rows.map((r) => r.kpis[0]?.target ?? null)).toEqual([0.8, 0.5]);
    expect(issues(result, ['invalid-number'])).toEqual([]);
  });

  test('a blank actual under a target is due once the year is over', () => {
    expect(issues(check(grid(rows(''), merges), '2014-06-01'), ['missing-entry'])).toEqual(['D8 missing-entry']);
  });
});


describe('実施内容一覧 (坂井市): NO | 実施計画 | 課名 | 実施目標 | 平成25年度取組内容 | 状況', () => {
  const rows = (f5: string, e6: string | null) => [
    ['第2次行政改革大綱　実施計画　実施内容一覧（平成25年度実績）'],
    ['NO', '実施計画', '課名', '実施目標', '平成25年度取組内容', '状況'],
    [1, 'LED防犯灯の普及', '安全対策課', 'LED防犯灯の普及', '通学路に LED防犯灯を設置', '○'],
    [2, '自主防災組織の結成支援', '安全対策課', '新規結成 10団体/年', '新規結成 12団体', f5],
    [3, '窓口サービスの向上', '市民課', '窓口待ち時間の短縮', e6, '△'],
    [4, '市税等の収納率向上', '収納推進課', '現年度分収納率 98.5%以上', '現年度分収納率 98.7%', '◎'],
    [],
    ['※状況　◎：目標以上に進んだ　○：目標どおり進んでいる　△：遅れている　×：未着手'],
  ];

  test('実施計画 is the item where no other column names one, 平成25年度取組内容 the year’s result, 状況 in marks the evaluation', () => {
    const result = check(grid(rows('◎', '臨時窓口を開設'), ['A1:F1', 'A8:F8']), '2014-06-01');
    expect(mapping(result)).toEqual(['A:id', 'B:item', 'C:department', 'E:period', 'F:evaluation']);
    expect(result.rows.map((r) => r.item)).toEqual(['LED防犯灯の普及', '自主防災組織の結成支援', '窓口サービスの向上', '市税等の収納率向上']);
    expect(issues(result)).toEqual([]);
  });

  test('a mark off the ※状況 line and a blank result of the year that has ended are flagged at their cells', () => {
    const result = check(grid(rows('済', null), ['A1:F1', 'A8:F8']), '2014-06-01');
    expect(issues(result)).toEqual(['F4 invalid-evaluation', 'E5 missing-entry']);
    expect(result.issues[0].message).toContain('◎・○・△・×');
  });

  test('beside a column that names the item (取組項目), 実施計画 stays a plan', () => {
    const g = grid([
      ['取組項目', '担当課', '実施計画', '平成25年度取組内容'],
      ['LED防犯灯の普及', '安全対策課', '通学路への設置', '通学路に設置'],
      ['窓口サービスの向上', '市民課', '臨時窓口の開設', '臨時窓口を開設'],
    ]);
    const result = check(g, '2014-06-01');
    expect(mapping(result)).toContain('A:item');
    expect(mapping(result)).not.toContain('C:item');
  });

  test('a 状況 of sentences is the year’s report, not an evaluation', () => {
    const g = grid([
      ['令和6年度　取組状況'],
      ['取組項目', '担当課', '状況'],
      ['LED防犯灯の普及', '安全対策課', '通学路に 40 基を設置した。'],
      ['窓口サービスの向上', '市民課', '繁忙期に臨時窓口を開設した。'],
      ['市税等の収納率向上', '収納推進課', 'コンビニ収納を始めた。'],
    ]);
    const result = check(g, '2025-06-01');
    expect(mapping(result)).toContain('C:period');
    expect(issues(result)).toEqual([]);
  });
});

describe('評価（課題、問題点）: what the grade found wanting, in sentences (埼玉県企業局)', () => {
  test('is a note, never due; 評価（A～C） beside it stays the evaluation', () => {
    const g = grid([
      ['企業局経営5か年計画の実績及び評価'],
      ['取組事項', '担当課', '実績（平成23年度末）', '評価（A～C）', '評価（課題、問題点）'],
      ['浄水場運転管理業務の委託拡大', '浄水管理課', '3浄水場で委託を実施', 'A', '技術の継承が課題となる。'],
      ['職員数の削減', '総務課', '32人削減', 'A', null],
      ['未利用地の売却', '財務課', '7.2億円', 'B', '景気の低迷により売却が進まなかった。'],
    ]);
    const result = check(g, '2012-06-01');
    expect(mapping(result)).toEqual(expect.arrayContaining(['D:evaluation', 'E:note']));
    expect(issues(result)).toEqual([]);
  });
});

describe('a 局経営方針 自己評価シート (大阪市 市民局): 達成状況 on ① ② ③, group labels naming other years above the header', () => {
  const rows = (f4: string | null) => [
    ['平成19年度局経営方針自己評価シート（市民局）'],
    ['※業績目標の達成状況　①：達成　②：進捗が遅れている　③：達成できなかった'],
    ['19年度の局経営方針', null, '19年度の取組実績', null, null, '20年度経営方針で変更した項目'],
    ['主な経営課題', '19年度具体的取組', '19年度に行った具体的取組と成果', '達成状況', '一体的評価', '20年度経営方針で変更した項目'],
    ['地域コミュニティの活性化', '地域活動協議会の設立支援', '8区で設立した。', '②', '3取組のうち1つは達成、1つは遅れた。', null],
    ['地域コミュニティの活性化', '地域活動の情報発信', 'ホームページを開設した。', f4, 'おおむね順調。', null],
    ['人権が尊重されるまちづくり', '人権啓発講座の開催', '延べ2,150人が受講した。', '①', '啓発は目標どおり。', '講座の回数を増やす'],
  ];
  const merges = ['A3:B3', 'C3:E3', 'F3:F4'];

  test('the scale is ① ② ③ from the ※ line; the year is the title’s (19年度), not the group label’s 20年度; the prose 一体的評価 is no grade', () => {
    const result = check(grid(rows('①'), merges), '2008-06-01');
    expect(result.fiscalYear).toBe(2007);
    expect(mapping(result)).toEqual(expect.arrayContaining(['B:item', 'C:period', 'D:evaluation']));
    expect(mapping(result)).not.toContain('E:evaluation2');
    expect(issues(result)).toEqual([]);
  });

  test('④ is off the scale, and the message names ① ② ③', () => {
    const result = check(grid(rows('④'), merges), '2008-06-01');
    expect(issues(result)).toEqual(['D6 invalid-evaluation']);
    expect(result.issues[0].message).toContain('①・②・③');
  });
});

describe('達成度 in rates and 推進状況 in words beside the year’s 目標 | 実績 (沖縄県)', () => {
  const rows = (rate: CellValue, status: string, total = '合計（全5項目）') => [
    ['第7次行財政改革プラン　平成26年度 推進状況'],
    ['【推進状況】　順調：達成度90%以上　やや遅れ：達成度60%以上90%未満　大幅遅れ：達成度60%未満'],
    ['No.', '実施項目', '所管部局', '取組指標', '平成26年度', '', '', '推進状況', '財政効果額\n（千円）'],
    ['', '', '', '', '目標', '実績', '達成度', '', ''],
    [1, '市町村への権限移譲の推進', '企画部', '移譲事務数', '500事務', '235事務', 0.47, '大幅遅れ', '－'],
    [2, '定員の適正管理', '総務部', '職員数の削減', '△30人', '△34人', 1.133, '順調', 221400],
    [3, '出先機関の見直し', '総務部', '統合する出先機関数', '3機関', '2機関', 0.667, 'やや遅れ', '－'],
    [4, '県税の徴収対策', '総務部', '県税収入額', '186,000千円', '329,114千円', rate, status, 329114],
    [5, '県有財産の有効活用', '総務部', '売却収入額', '200,000千円', '164,800千円', 0.824, 'やや遅れ', 164800],
    [total, '', '', '', '', '', '', '', 715314],
  ];
  const MERGES = ['A1:I1', 'A2:I2', 'E3:G3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'H3:H4', 'I3:I4', 'A10:H10'];

  test('達成度 holding rates is the rate, 推進状況 the evaluation on the 【推進状況】 bands; the 合計（全5項目） row is no item', () => {
    const result = check(grid(rows(1.769, '順調'), MERGES), '2015-06-03');
    expect(mapping(result)).toEqual(expect.arrayContaining(['G:rate', 'H:evaluation']));
    expect(result.rows).toHaveLength(5);
    expect(issues(result)).toEqual([]);
  });

  test('a written 達成度 its figures do not give is a computed-mismatch; a grade above its band a grade-mismatch', () => {
    const result = check(grid(rows(1.679, '順調'), MERGES), '2015-06-03');
    expect(issues(result)).toEqual(['G8 computed-mismatch']);
    const graded = check(grid(rows(1.769, '大幅遅れ'), MERGES), '2015-06-03');
    expect(issues(graded)).toEqual(['H8 grade-mismatch']);
  });

  test('a 達成度 of exactly 100% (1) among the fractions is still a rate, not a grade off the scale', () => {
    const result = check(grid(rows(1, '順調').map((r, i) => (i === 5 ? r.map((v, c) => (c === 6 ? 1 : v)) : r)), MERGES), '2015-06-03');
    expect(mapping(result)).toContain('G:rate');
    expect(issues(result, ['invalid-evaluation'])).toEqual([]);
  });

  test('an evaluation in half points (評価(平均点) 3.5, 4, 2.5, 5) is no rate, and draws no flags', () => {
    const points = [3.5, 4, 2.5, 5, 4.5];
    const result = check(grid(rows(1.769, '順調').map((r, i) => (i >= 4 && i <= 8 ? r.map((v, c) => (c === 6 ? points[i - 4] : v)) : r)).map((r, i) => (i === 3 ? r.map((v, c) => (c === 6 ? '評価(平均点)' : v)) : r)), MERGES), '2015-06-03');
    expect(mapping(result)).not.toContain('G:rate');
    expect(issues(result, ['invalid-evaluation', 'computed-mismatch'])).toEqual([]);
  });

  test('an evaluation column of whole numbers is still counts, not rates (評価ランク別内訳)', () => {
    const result = check(grid(rows(1.769, '順調').map((r, i) => (i >= 4 && i <= 8 ? r.map((v, c) => (c === 6 ? i : v)) : r)), MERGES), '2015-06-03');
    expect(mapping(result)).toContain('G:note');
  });
});

describe('the year’s work in sentences beside the 目標 | 実績 of a figure (三好市)', () => {
  const rows = (work: string, status: string) => [
    ['平成26年度「行財政改革実施計画」の実績（進捗状況）'],
    ['【進捗状況】　計画以上：計画より進んでいる　計画どおり：計画どおり進んでいる　計画以下：計画より遅れている'],
    ['No.', '改革推進項目', '担当課', '平成26年度の取組実績', '数値目標', '', '', '進捗状況'],
    ['', '', '', '', '指標', '目標\n（H26）', '実績\n（H26）', ''],
    [1, '学校給食事業の民間委託等の推進', '学校給食課', '調理業務の委託に向けて、給食センターの運営方法を検討した。', '調理業務の委託施設数', '1施設', '1施設', '計画どおり'],
    [2, 'ごみ収集業務の民間委託等の推進', '環境課', '池田地区の収集業務を委託した。', '委託地区数', '2地区', '2地区', '計画どおり'],
    [5, '指定管理者制度の活用', '総務課', '指定管理者の更新に合わせ、募集を公募とした。', '導入施設数', '40施設', '34施設', '計画以下'],
    [6, '職員数の適正化', '人事課', '退職者の補充を抑え、職員数を減らした。', '職員数', '520人', '515人', '計画以上'],
    [7, '公用車の削減', '管財課', '使用率の低い公用車を廃車にした。', '公用車の台数', '150台', '150台', '計画どおり'],
    [8, '市民との対話の推進', '秘書広報課', work, '－', '－', '－', status],
  ];
  const MERGES = ['E3:G3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'H3:H4'];

  test('is the year’s report, not an actual: no sentence is an invalid number, and 計画以下 is on the 【進捗状況】 scale', () => {
    const result = check(grid(rows('市長と語る会を市内全地区で開いた。', '計画どおり'), MERGES), '2015-06-01');
    expect(mapping(result)).toEqual(expect.arrayContaining(['B:item', 'D:period', 'E:kpi.name', 'F:kpi.target', 'G:kpi.actual', 'H:evaluation']));
    expect(issues(result)).toEqual([]);
  });

  test('a blank report is due for an item without an indicator too; a word off the scale is flagged', () => {
    const result = check(grid(rows('', 'おおむね計画どおり'), MERGES), '2015-06-01');
    expect(issues(result)).toEqual(['D10 missing-entry', 'H10 invalid-evaluation']);
  });
});

describe('現在 in status words or sentences is no figure (a KPI sheet’s 基準値 | 目標値 | 現在)', () => {
  test('status words under 現在 are the item’s status, not invalid numbers', () => {
    const rows = [
      ['No.', '取組項目', '担当課', '指標', '基準値', '目標値', '現在'],
      [1, '窓口のデジタル化', '総務課', '電子申請の件数', '100件', '300件', '実施中'],
      [2, '公共施設の再編', '財政課', '施設数', '320施設', '300施設', '順調'],
      [3, '人事評価制度', '人事課', '研修受講者数', '100人', '500人', '遅れ'],
      [4, '収納率の向上', '税務課', '収納率', '95%', '98%', '順調'],
    ];
    expect(issues(check(grid(rows), '2025-10-15'), ['invalid-number'])).toEqual([]);
  });
});

describe('a score in points, 評価得点（5点満点）, graded on its 【評価得点】 line (鴨川市)', () => {
  const rows = (score: CellValue) => [
    ['鴨川市行政改革実施評価（令和2年度）'],
    ['【評価得点】　5：計画どおり完了　4：おおむね計画どおり　3：一部に遅れ　2：大幅に遅れ　1：検討のみ　0：未着手（5点×24項目＝120点満点）'],
    ['No.', '取組項目', '所管課', '令和2年度の実施内容', '評価得点\n（5点満点）', '財政的効果\n（円）'],
    [1, 'コンビニ交付の推進', '市民課', '交付件数は前年度の1.4倍となった。', 5, '－'],
    [2, '基幹系システムの最適化', '総務課', '共同利用型へ移行した。', 4, 1850000],
    [3, '人事評価制度の導入', '総務課', '評価結果を勤勉手当に反映した。', 5, '－'],
    [4, '定員管理の適正化', '総務課', '計画の職員数を達成した。', score, 52400000],
  ];

  test('is the evaluation, not a count column: 0–5 pass, 6 is off the scale, a full-width ５ a variant', () => {
    expect(mapping(check(grid(rows(3)), '2021-08-16'))).toContain('E:evaluation');
    expect(issues(check(grid(rows(3)), '2021-08-16'))).toEqual([]);
    expect(issues(check(grid(rows(6)), '2021-08-16'))).toEqual(['E7 invalid-evaluation']);
    expect(issues(check(grid(rows('５')), '2021-08-16'))).toEqual(['E7 normalized-value']);
  });
});

describe('進捗状況 in the letters of its 【進捗状況】 line, beside the year’s work (秋田市)', () => {
  const rows = (grade: string) => [
    ['第7次秋田市行政改革大綱 実施計画 取組状況（令和元年度）'],
    ['【進捗状況】　Ａ：計画より進んでいる　Ｂ：計画どおり進んでいる　Ｃ：やや遅れている　Ｄ：遅れている'],
    ['番号', '取組項目', '所管部局', '指標名', '目標値（R4）', 'R1実績', '令和元年度の取組実績', '進捗状況'],
    ['Ⅰ-1-(1)-①', '窓口業務の改善', '市民生活部', '待ち時間', '10分', '12分', '受付を一つにまとめた。', 'Ｂ'],
    ['Ⅰ-1-(1)-②', '電子申請の拡充', '総務部', '手続数', '100手続', '80手続', '申請できる手続を増やした。', 'Ｃ'],
    ['Ⅰ-1-(2)-①', '公共施設の再編', '財政部', '施設数', '300施設', '305施設', '再編計画を策定した。', 'Ａ'],
    ['Ⅰ-2-(1)-①', '人材育成', '総務部', '研修受講者数', '500人', '520人', '研修を見直した。', grade],
  ];

  test('is the evaluation on Ａ–Ｄ: the sheet’s full-width letters are no variant, Ｅ is off the scale', () => {
    expect(mapping(check(grid(rows('Ｂ')), '2020-06-01'))).toContain('H:evaluation');
    expect(issues(check(grid(rows('Ｂ')), '2020-06-01'), ['invalid-evaluation', 'normalized-value'])).toEqual([]);
    expect(issues(check(grid(rows('Ｅ')), '2020-06-01'), ['invalid-evaluation'])).toEqual(['H7 invalid-evaluation']);
  });
});
