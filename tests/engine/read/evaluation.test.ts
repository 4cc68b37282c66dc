/**
 * design.md §4 "Evaluation symbols": ◎; ○ also written 〇 (U+3007), ◯ (U+25EF), O; △; ▲;
 * × also ✕, ✖, ☓, x. Normalise, and report the spelling (as info, not as an error).
 * §3: letters S/A/B/C/D.
 */
import { readEvaluation } from '../../../src/engine/read/evaluation';

describe('readEvaluation: canonical symbols', () => {
  test.each(['◎', '○', '△', '▲', '×'])('%s reads as itself, with no variant', (symbol) => {
    expect(readEvaluation(symbol)).toEqual({ kind: 'symbol', symbol, variant: null });
  });

  test('surrounding spaces are not a variant spelling', () => {
    expect(readEvaluation(' ◎ ')).toEqual({ kind: 'symbol', symbol: '◎', variant: null });
  });
});

describe('readEvaluation: variant spellings of ○', () => {
  test('〇 (U+3007 ideographic zero) is ○, spelling reported', () => {
    expect('〇'.codePointAt(0)).toBe(0x3007);
    expect(readEvaluation('〇')).toEqual({ kind: 'symbol', symbol: '○', variant: '〇' });
  });

  test('◯ (U+25EF large circle) is ○, spelling reported', () => {
    expect('◯'.codePointAt(0)).toBe(0x25ef);
    expect(readEvaluation('◯')).toEqual({ kind: 'symbol', symbol: '○', variant: '◯' });
  });

  test('the letter O is ○, spelling reported', () => {
    expect(readEvaluation('O')).toEqual({ kind: 'symbol', symbol: '○', variant: 'O' });
  });

  test('a full-width Ｏ is ○ too', () => {
    expect(readEvaluation('Ｏ')).toEqual({ kind: 'symbol', symbol: '○', variant: 'Ｏ' });
  });
});

describe('readEvaluation: variant spellings of ×', () => {
  test.each([
    ['✕', 0x2715],
    ['✖', 0x2716],
    ['☓', 0x2613],
    ['x', 0x78],
  ])('%s is ×, spelling reported', (spelling, codePoint) => {
    expect(spelling.codePointAt(0)).toBe(codePoint);
    expect(readEvaluation(spelling)).toEqual({ kind: 'symbol', symbol: '×', variant: spelling });
  });
});

describe('readEvaluation: △ and ▲ are two different grades', () => {
  test('△ is △ and ▲ is ▲', () => {
    expect(readEvaluation('△')).toMatchObject({ kind: 'symbol', symbol: '△' });
    expect(readEvaluation('▲')).toMatchObject({ kind: 'symbol', symbol: '▲' });
  });
});

describe('readEvaluation: letters', () => {
  test.each(['S', 'A', 'B', 'C', 'D'])('%s is the letter %s, no variant', (letter) => {
    expect(readEvaluation(letter)).toEqual({ kind: 'letter', letter, variant: null });
  });

  test('full-width Ａ is A, spelling reported', () => {
    expect(readEvaluation('Ａ')).toEqual({ kind: 'letter', letter: 'A', variant: 'Ａ' });
  });

  test('lower-case b is B, spelling reported', () => {
    expect(readEvaluation('b')).toEqual({ kind: 'letter', letter: 'B', variant: 'b' });
  });
});

describe('readEvaluation: what is no evaluation', () => {
  test('良 is other text, kept as written', () => {
    expect(readEvaluation('良')).toEqual({ kind: 'other', text: '良' });
  });

  test('達成 is other text', () => {
    expect(readEvaluation('達成')).toEqual({ kind: 'other', text: '達成' });
  });

  test.each([null, '', '  ', '\u3000'])('%p is blank', (value) => {
    expect(readEvaluation(value)).toEqual({ kind: 'blank' });
  });

  test.each(['-', '－', 'なし', '/'])('%s is none', (marker) => {
    expect(readEvaluation(marker)).toEqual({ kind: 'none' });
  });

  test('#N/A is an error, not an evaluation', () => {
    expect(readEvaluation('#N/A')).toEqual({ kind: 'error', error: '#N/A' });
  });
});

describe('readEvaluation: a grade written with its meaning (大津町)', () => {
  test.each([
    ['B（ほぼ）目標通り\n〔100%～80%〕', 'B'],
    ['C　やや遅れ\n〔80%～50%〕', 'C'],
    ['A 目標以上', 'A'],
  ])('%p is the letter %s', (text, letter) => {
    expect(readEvaluation(text)).toMatchObject({ kind: 'letter', letter });
  });

  test('a word that starts with a letter is no grade: A社, Aランク', () => {
    expect(readEvaluation('A社').kind).toBe('other');
    expect(readEvaluation('Aランク').kind).toBe('other');
  });
});

describe('readEvaluation: circled numbers', () => {
  test('① … ⑳ are grades of their own, kept as written (not the digits NFKC makes of them)', () => {
    expect(readEvaluation('②')).toEqual({ kind: 'letter', letter: '②', variant: null });
    expect(readEvaluation('⑳')).toEqual({ kind: 'letter', letter: '⑳', variant: null });
    // a number in an item's name is no grade
    expect(readEvaluation('①1日入院患者数').kind).toBe('other');
  });
});
