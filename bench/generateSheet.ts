import ExcelJS from 'exceljs';

const DEPARTMENTS = ['人事課', '★行革デジタル推進課 関係各課', '財政課', '管財課', '政策企画課', '市民課'];
const HEADER = ['No.', '区分', '取組項目', '具体的な取組', '担当課', '指標', '単位', '基準値', '目標値', '第1四半期', '第2四半期', '第3四半期', '第4四半期', '実績値', '自己評価'];

/** A standard-template progress sheet of `rows` items, with the usual mess (units, △, blanks, 〇). */
export async function generateWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('進行管理票');
  ws.addRow(['令和7年度 行財政改革 進行管理票']);
  ws.addRow([]);
  ws.addRow(HEADER);
  for (let i = 1; i <= rows; i++) {
    const base = 1000 + (i % 97) * 10;
    ws.addRow([
      i,
      `区分${(i % 7) + 1}`,
      `取組項目その${i}：業務の見直しと効率化`,
      `具体的な取組${i}として、窓口業務の手順を見直し、オンライン化と様式の統一を進める。`,
      DEPARTMENTS[i % DEPARTMENTS.length],
      `指標${i}`,
      '件',
      `${base.toLocaleString('en-US')}件`,
      `${(base * 2).toLocaleString('en-US')}件`,
      i % 11 === 0 ? '' : `第1四半期の実績${i}件`,
      i % 13 === 0 ? '' : `第2四半期の実績${i}件`,
      '',
      '',
      i % 5 === 0 ? `△ ${base}` : `${Math.round(base * 1.5).toLocaleString('en-US')}件`,
      ['◎', '〇', '△', '▲', 'A'][i % 5],
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
