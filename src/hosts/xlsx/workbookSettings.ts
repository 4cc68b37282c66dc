import { decodeSettingsXml, WORKBOOK_SETTINGS_NAMESPACE, type DecodedSettings } from '../../engine/workbookSettings';
import { resolveLimits } from './read';
import { ZipArchive } from './read/zip';

/** A settings part is a few kilobytes: anything much larger is not ours. */
const MAX_SETTINGS_BYTES = 1024 * 1024;
const CUSTOM_XML_ITEM = /^customXml\/item\d+\.xml$/i;

/**
 * The workbook's own settings (grade scale, fiscal year, column mapping, acknowledged warnings),
 * as the task pane saved them in a custom XML part of our namespace; null when there are none.
 * Read through the same bounded zip access as the cells, so a hostile part cannot cost more.
 */
export function readWorkbookSettings(bytes: Uint8Array, locale: 'ja' | 'en' = 'ja'): DecodedSettings | null {
  const zip = ZipArchive.open(bytes, resolveLimits({ maxEntryBytes: MAX_SETTINGS_BYTES }));
  for (const name of zip.names()) {
    if (!CUSTOM_XML_ITEM.test(name)) continue;
    let xml: string | undefined;
    try {
      xml = zip.readText(name);
    } catch {
      continue; // a part over the cap or damaged is someone else's; ours are small
    }
    if (xml && xml.includes(WORKBOOK_SETTINGS_NAMESPACE)) return decodeSettingsXml(xml, locale);
  }
  return null;
}
