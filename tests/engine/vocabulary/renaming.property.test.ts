/**
 * Recognition rests on the vocabulary, not on one city's labels (issue 7): renaming any header to
 * another label of the vocabulary, moving the columns and adding unrelated columns leaves the
 * issues unchanged, modulo the cell addresses that follow the moved columns. Fixed seed.
 */
import fc from 'fast-check';
import { checkSheet, type CellValue, type Grid, type MergedArea, type SheetCheck } from '../../../src/engine';
import { termHits } from '../../../src/engine/profiles/match';
import { normalizeLabel } from '../../../src/engine/read/text';

const SEED = 20261201;
const NUM_RUNS = Number(process.env.PROPERTY_RUNS) || 60;

interface Column {
  key: string;
  /** Labels of the vocabulary this column may be headed by (the first is the base sheet's). */
  labels: string[];
  values: CellValue[];
  /** Cells merged over each pair of rows (paired 目標 / 実績 rows share the item's cells). */
  pairs?: boolean;
}

/** Columns no vocabulary term names: they must change nothing. */
const UNRELATED = ['写真', '参考URL', '添付資料', '連絡先', '内線番号', '更新日'];

interface Base {
  name: string;
  title: string;
  asOf: string;
  columns: Column[];
}

const QUARTERLY: Base = {
  name: 'items with quarters',
  title: '令和7年度 行財政改革 進捗状況',
  asOf: '2025-10-15',
  columns: [
    { key: 'id', labels: ['No.', '番号', '整理番号', '管理番号', '通番', '項番'], values: [1, 2, 3, 4] },
    {
      key: 'item',
      labels: ['取組項目', '取組名', '項目名', '実施項目', '行動計画項目', '事業名', '改革項目', '取組事項'],
      values: ['窓口の改善', '', '電子申請の拡充', 'RPAの導入'],
    },
    {
      key: 'department',
      labels: ['担当課', '担当部局', '担当部署', '主管課', '所管課', '取組担当課', '所管部署', '主たる担当課', '担当課名'],
      values: ['市民課', '人事課', '', '情報政策課'],
    },
    {
      key: 'q1',
      labels: ['第1四半期', '1/4四半期', '4～6月', '4月～6月', 'Q1', '第１四半期\n（４～６月）'],
      values: ['案内表示を更新', '研修を実施', '', '実証実験'],
    },
    {
      key: 'q2',
      labels: ['第2四半期', '2/4四半期', '7～9月', '7月～9月', 'Q2', '第２四半期\n（７～９月）'],
      values: ['', '研修を実施', '手続を追加', '－'],
    },
    { key: 'q3', labels: ['第3四半期', '3/4四半期', '10～12月', 'Q3'], values: ['', '', '', ''] },
    { key: 'note', labels: ['備考', '特記事項', '摘要'], values: ['', '', '', '再掲'] },
  ],
};

const KPI: Base = {
  name: 'KPI rows',
  title: '令和6年度 成果指標 進捗状況',
  asOf: '2025-06-01',
  columns: [
    { key: 'item', labels: ['取組名', '取組項目', '項目名', '事業名', '実施項目'], values: ['定員管理', '電子申請', '財産の売却', ''] },
    { key: 'name', labels: ['指標名', '成果指標', '成果指標名', '評価指標', 'KPI'], values: ['職員数', '手続数', '売却件数', '相談件数'] },
    { key: 'baseline', labels: ['基準値', '現状値', '策定時', '計画策定時', '当初値'], values: ['612人', '100件', '未定', 40] },
    { key: 'target', labels: ['目標値', '目標', '最終目標', '最終目標値'], values: ['600人', '120件', '5件', 60] },
    { key: 'actual', labels: ['実績値', '現在値', '最新値', '現在'], values: ['605人', '', '3件', 50] },
    { key: 'department', labels: ['所管課', '担当課', '主管課', '担当部署', '所管部署'], values: ['人事課', '情報政策課', '', '市民課'] },
  ],
};

/** A year column of paired rows, headed 令和3年度, R3, 2021年度 or R3年度. */
function yearColumn(n: number, values: CellValue[]): Column {
  return { key: `fy${n}`, labels: [`令和${n}年度`, `R${n}`, `${2018 + n}年度`, `R${n}年度`], values };
}

const PAIRS: Base = {
  name: 'paired 目標 / 実績 rows',
  title: '行財政改革 数値目標の進捗',
  asOf: '2025-10-15',
  columns: [
    { key: 'id', labels: ['No.', '番号', '通番', '整理番号'], values: [1, '', 2, '', 3, ''], pairs: true },
    { key: 'item', labels: ['実施項目', '取組名', '取組項目', '項目名', '事業名'], values: ['職員数の適正化', '', '使用料の見直し', '', '', ''], pairs: true },
    { key: 'department', labels: ['担当課', '所管課', '主管課', '担当部署'], values: ['人事課', '', '財政課', '', '企画課', ''], pairs: true },
    { key: 'kind', labels: ['区分', '目標/実績', '計画/実績', '目標・実績'], values: ['目標', '実績', '目標', '実績', '目標', '実績'] },
    yearColumn(3, [10, 12, 100, 90, 5, 4]),
    yearColumn(4, [10, 10, 100, 80, 5, 5]),
    yearColumn(5, [10, 9, 100, 'abc', 5, 3]),
    yearColumn(6, [10, '', 100, 88, 5, 4]),
    { key: 'total', labels: ['合計', '累計'], values: [40, 31, 400, 258, 20, 16] },
    { key: 'evaluation', labels: ['評価', '総合評価', '全体評価', '自己評価'], values: ['A', '', 'B', '', 'B', ''], pairs: true },
  ],
};

/** The sheet for a choice of labels, column order and unrelated columns; `keys` says which logical column each sheet column is. */
function build(base: Base, labelChoice: number[], extra: number[], order: number[]): { grid: Grid; keys: string[] } {
  const rows = base.columns[0].values.length;
  const columns: Column[] = base.columns.map((col, i) => ({ ...col, labels: [col.labels[labelChoice[i] % col.labels.length]] }));
  extra.forEach((u, i) =>
    columns.push({ key: `extra${i}`, labels: [UNRELATED[u % UNRELATED.length]], values: memo(`メモ${i}`, rows) }),
  );
  const placed = order.map((i) => columns[i]);
  const values: CellValue[][] = [[base.title], [], placed.map((c) => c.labels[0])];
  for (let r = 0; r < rows; r++) values.push(placed.map((c) => c.values[r]));
  // the merges follow their columns: grid row 3 is the first data row
  const merges: MergedArea[] = [];
  placed.forEach((c, j) => {
    if (!c.pairs) return;
    for (let r = 0; r + 1 < rows; r += 2) merges.push({ top: 3 + r, left: j, bottom: 4 + r, right: j });
  });
  return { grid: { values, merges }, keys: placed.map((c) => c.key) };
}

function memo(text: string, rows: number): CellValue[] {
  return Array.from({ length: rows }, (_, r) => (r % 2 === 0 ? text : ''));
}

/** Issues with the column named by its logical key, so that moved columns compare equal. */
function findings(result: SheetCheck, keys: string[]): string[] {
  return result.issues.map((i) => `${i.code} ${i.field} row${i.row} ${keys[i.column - 1]}`).sort();
}

/** A permutation of 0..n-1 from random sort keys (fast-check's integer arbitraries need integer bounds). */
function permutation(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: n, maxLength: n })
    .map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));
}

describe.each([QUARTERLY, KPI, PAIRS])('$name', (base) => {
  const plain = build(base, base.columns.map(() => 0), [], base.columns.map((_, i) => i));
  const reference = checkSheet(plain.grid, { asOf: base.asOf });

  test('every label used here is one the vocabulary knows for the column', () => {
    for (const col of base.columns) {
      const terms = col.labels.map((l) => termHits(normalizeLabel(l)).map((h) => h.term));
      for (const t of terms) expect(t.length).toBeGreaterThan(0);
    }
    for (const u of UNRELATED) expect(termHits(normalizeLabel(u))).toEqual([]);
  });

  test('the base sheet is checked and has issues to compare', () => {
    expect(reference.status).toBe('checked');
    expect(reference.issues.length).toBeGreaterThanOrEqual(3);
  });

  test('renamed, moved and widened: the same issues, at the columns that moved', () => {
    const n = base.columns.length;
    const arbitrary = fc
      .tuple(
        fc.array(fc.nat(20), { minLength: n, maxLength: n }),
        fc.array(fc.nat(20), { maxLength: 3 }),
      )
      .chain(([labels, extra]) => permutation(n + extra.length).map((order) => ({ labels, extra, order })));
    fc.assert(
      fc.property(arbitrary, ({ labels, extra, order }) => {
        const sheet = build(base, labels, extra, order);
        const result = checkSheet(sheet.grid, { asOf: base.asOf });
        expect(result.status).toBe('checked');
        expect(findings(result, sheet.keys)).toEqual(findings(reference, plain.keys));
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});
