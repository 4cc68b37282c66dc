/**
 * What this Excel supports, asked of Office.js once per call site. Municipal PCs run old builds:
 * every feature newer than ExcelApi 1.2 is optional and detected here.
 */
import type { Locale } from '../../engine/types';

export function supportsExcelApi(version: string): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    return Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

export interface Capabilities {
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  merges: boolean;
  /** Range.getCellProperties and fill patterns (ExcelApi 1.9). */
  cellProperties: boolean;
  /** Worksheet.notes (ExcelApi 1.18). */
  notes: boolean;
  /** Application.suspendApiCalculationUntilNextSync (ExcelApi 1.6). */
  suspendCalculation: boolean;
  /** Application.suspendScreenUpdatingUntilNextSync (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
}

export function detectCapabilities(): Capabilities {
  return {
    merges: supportsExcelApi('1.13'),
    cellProperties: supportsExcelApi('1.9'),
    notes: supportsExcelApi('1.18'),
    suspendCalculation: supportsExcelApi('1.6'),
    suspendScreenUpdating: supportsExcelApi('1.9'),
  };
}

/** The engine's locale for Office's display language: English for en-*, else Japanese. */
export function officeLocale(): Locale {
  try {
    if (typeof Office === 'undefined') return 'ja';
    const language = Office.context?.displayLanguage ?? '';
    return language.toLowerCase().startsWith('en') ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}
