import { nfkc } from '../read/text';

/** A number typed as text, and the number format that shows it as it was typed. */
export interface NumberText {
  value: number;
  numberFormat: string;
  /** How Excel shows the number with that format. */
  shown: string;
}

// sign, integer part (with or without thousands separators), decimals: nothing else
const PLAIN_NUMBER = /^([△▲-])?\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * A text cell that is a plain number and nothing more (「１，２３４」, 「△500」, 「1,234.50」), or null.
 * Units, 万/億, percent, notes, leading zeros (「007」 would lose them) and more than 15 digits
 * (Excel keeps 15) are left alone: the fix would not show the cell as before.
 */
export function numberText(raw: string): NumberText | null {
  if (raw.length > 40) return null;
  const text = nfkc(raw).trim().replace(/^[−ー]/, '-');
  const m = PLAIN_NUMBER.exec(text);
  if (!m) return null;
  const [, sign, integer, decimals] = m;
  const digits = integer.replace(/,/g, '');
  if (digits.length > 1 && digits.startsWith('0')) return null;
  if (digits.length + (decimals?.length ?? 0) > 15) return null;
  const magnitude = Number(decimals ? `${digits}.${decimals}` : digits);
  if (!Number.isFinite(magnitude) || (sign && magnitude === 0)) return null;
  const grouped = integer.includes(',');
  const positive = `${grouped ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals.length)}` : ''}`;
  // 「△」「▲」 are the public-finance minus: shown again by the format's negative section
  const numberFormat = sign === '△' || sign === '▲' ? `${positive};"${sign}"${positive}` : positive;
  const body = `${grouped ? groupThousands(digits) : digits}${decimals ? `.${decimals}` : ''}`;
  return {
    value: sign ? -magnitude : magnitude,
    numberFormat,
    shown: sign ? `${sign}${body}` : body,
  };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
