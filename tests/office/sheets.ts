/** Progress sheets for the Office host's tests, built as plain rows for the Excel double. */
import type { DoubleValue, SheetSpec } from '../office-double';

export const STANDARD_HEADER = [
  'No.',
  '区分',
  '取組項目',
  '具体的な取組',
  '担当課',
  '指標',
  '単位',
  '基準値',
  '目標値',
  '第1四半期',
  '第2四半期',
  '第3四半期',
  '第4四半期',
  '実績値',
  '自己評価',
];

const DEPARTMENTS = ['人事課', '★行革推進課 関係各課', '財政課', '管財課', '政策企画課', '市民課'];

export interface StandardSheetOptions {
  name?: string;
  rows: number;
  /** Extra free-text columns (備考1…) right of the table, to widen it. */
  extraColumns?: number;
  /** Characters of the long text cells. Default 30. */
  textLength?: number;
  /** Rows (item number) left without a department, to get required-missing errors. */
  missingDepartmentEvery?: number;
}

function long(text: string, length: number): string {
  let out = text;
  while (out.length < length) out += '、窓口業務の手順を見直しオンライン化を進める';
  return out.slice(0, length);
}

/** A standard-template sheet: title, blank row, header in row 3, items from row 4. */
export function standardSheet(options: StandardSheetOptions): SheetSpec {
  const extra = options.extraColumns ?? 0;
  const textLength = options.textLength ?? 30;
  const header: DoubleValue[] = [...STANDARD_HEADER, ...Array.from({ length: extra }, (_, i) => `備考${i + 1}`)];
  const values: DoubleValue[][] = [['令和7年度 行財政改革 進行管理票'], [], header];
  for (let i = 1; i <= options.rows; i++) {
    const base = 1000 + (i % 97) * 10;
    const noDepartment = options.missingDepartmentEvery ? i % options.missingDepartmentEvery === 0 : false;
    values.push([
      i,
      `区分${(i % 7) + 1}`,
      long(`取組項目その${i}：業務の見直し`, Math.min(textLength, 40)),
      long(`具体的な取組${i}として`, textLength),
      noDepartment ? '' : DEPARTMENTS[i % DEPARTMENTS.length],
      `指標${i}`,
      '件',
      base,
      base * 2,
      i % 11 === 0 ? '' : long(`第1四半期の実績${i}件`, textLength),
      i % 13 === 0 ? '' : long(`第2四半期の実績${i}件`, textLength),
      '',
      '',
      i % 5 === 0 ? `△ ${base}` : Math.round(base * 1.5),
      ['◎', '〇', '△', '▲', 'A'][i % 5],
      ...Array.from({ length: extra }, (_, j) => long(`備考${j + 1}：${i}`, textLength)),
    ]);
  }
  return { name: options.name ?? '進行管理票', values };
}
