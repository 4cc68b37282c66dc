import { columnLetter, type CellRange, type CellValue, type LayoutChart } from '../engine';

/**
 * The summary's charts as DrawingML: one chart part per chart, anchored by the sheet's drawing
 * part (xlsxWriter.ts writes the parts, their relationships and content types).
 */

const EMU_PER_POINT = 12700;
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Column letters of a 0-based column. */
function columnName(c: number): string {
  return columnLetter(c + 1);
}

function ref(sheet: string, r: CellRange): string {
  const a = `$${columnName(r.left)}$${r.top + 1}`;
  const b = `$${columnName(r.right)}$${r.bottom + 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${a}${a === b ? '' : `:${b}`}`;
}

/** The cached values of a one-column range: what a reader shows before it recalculates. */
function cells(values: CellValue[][], r: CellRange): CellValue[] {
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++) out.push(values[row]?.[r.left] ?? null);
  return out;
}

function strCache(items: CellValue[]): string {
  const pts = items.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(String(v ?? ''))}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${items.length}"/>${pts}</c:strCache>`;
}

function numCache(items: CellValue[]): string {
  const pts = items.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${items.length}"/>${pts}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr><a:r><a:rPr lang="ja-JP" sz="${size}"${b}/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

const NO_LINE = '<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>';
const GRID_LINE = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';

/** One bar or column chart as a chart part. */
export function chartXml(chart: LayoutChart, sheet: string, values: CellValue[][]): string {
  const categories = cells(values, chart.categories);
  const series = chart.series
    .map((s, i) => {
      const labels = chart.stacked
        ? ''
        : '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(ref(sheet, { top: s.nameCell.row, left: s.nameCell.column, bottom: s.nameCell.row, right: s.nameCell.column }))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}` +
        `<c:cat><c:strRef><c:f>${esc(ref(sheet, chart.categories))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(ref(sheet, s.values))}</c:f>${numCache(cells(values, s.values))}</c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  const horizontal = chart.kind === 'bar';
  // a bar chart lists its categories bottom-up; reversed, it reads in the table's order
  const catAx =
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${NO_LINE.replace('<a:ln><a:noFill/></a:ln>', '<a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln>')}` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/>${GRID_LINE}<c:title>${richText(chart.valueTitle, 900, false)}</c:title>` +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${NO_LINE}` +
    `<c:crossAx val="50010"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, 1200, true)}</c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${chart.stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
    `${series}<c:gapWidth val="${chart.stacked ? 50 : 40}"/>${chart.stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `${catAx}${valAx}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr></c:chartSpace>`
  );
}

/** The drawing's anchor of one chart: its top-left cell and its size, linked by `relId`. */
export function anchorXml(chart: LayoutChart, index: number, relId: string): string {
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${chart.anchor.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.anchor.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${Math.round(chart.width * EMU_PER_POINT)}" cy="${Math.round(chart.height * EMU_PER_POINT)}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
  );
}
