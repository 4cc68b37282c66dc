import { InflateCapError, inflateRaw } from './inflate';
import { corrupt, type ReadLimits, sizeText, tooComplex, tooLarge } from './limits';

/**
 * Just enough of the zip format to read an .xlsx: the central directory, and the entries the
 * reader asks for, inflated as a stream with every limit counted on the bytes actually produced.
 */

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** zlib's own ceiling on one output buffer; every cap of ReadLimits sits far below it. */
const MAX_OUTPUT = 2 ** 31 - 1;
const utf8 = new TextDecoder('utf-8');

/** Part names are case-insensitive in OPC, and some writers use backslashes or a leading slash. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
  ) {}

  /** Parse the central directory: entry count, duplicate names and declared sizes checked here. */
  static open(bytes: Uint8Array, limits: ReadLimits): ZipArchive {
    if (bytes.length > limits.maxInputBytes) {
      throw tooLarge(
        `ファイルの大きさ ${sizeText(bytes.length)} が上限 ${sizeText(limits.maxInputBytes)} を超えています`,
        `the file is ${sizeText(bytes.length)}, over the ${sizeText(limits.maxInputBytes)} limit`,
      );
    }
    const zip = new ZipArchive(bytes, limits);
    zip.readDirectory();
    return zip;
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** All entry names (as stored), for diagnostics such as telling a Word document from a workbook. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** Inflate one entry as UTF-8 text (a BOM is dropped); undefined when there is no such entry. */
  readText(name: string): string | undefined {
    const bytes = this.readBytes(name);
    return bytes === undefined ? undefined : decodeText(bytes);
  }

  /** Inflate one entry, every cap counted; undefined when there is no such entry. */
  readBytes(name: string): Uint8Array | undefined {
    const entry = this.entries.get(partKey(name));
    if (!entry) return undefined;
    const data = this.compressedData(entry);
    let produced = 0;
    const count = (chunk: Uint8Array): void => {
      produced += chunk.length;
      this.inflatedTotal += chunk.length;
      this.checkInflated(entry, produced);
    };
    if (entry.method === 0) {
      count(data);
      return data;
    }
    // told the most it may produce: a part over any cap stops there, never allocated in full
    // (Node's native zlib in the command line, fflate in the task pane: see inflate.ts)
    const { limits } = this;
    const ratioCap = Math.max(limits.ratioMinBytes, limits.maxRatio * Math.max(entry.compressedSize, 1));
    const cap = Math.max(0, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - this.inflatedTotal, ratioCap, MAX_OUTPUT));
    let inflated: Uint8Array;
    try {
      inflated = inflateRaw(data, cap, entry.size);
    } catch (err) {
      if (err instanceof InflateCapError) {
        // past the smallest cap: say which one, as counting the bytes one past it would
        this.inflatedTotal += cap + 1;
        this.checkInflated(entry, cap + 1);
      }
      throw corrupt(`${entry.name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    count(inflated);
    return inflated;
  }

  private checkInflated(entry: ZipEntry, produced: number): void {
    const { limits } = this;
    if (produced > limits.maxEntryBytes) {
      throw tooLarge(
        `${entry.name} が展開すると上限 ${sizeText(limits.maxEntryBytes)} を超えます`,
        `${entry.name} inflates past the ${sizeText(limits.maxEntryBytes)} limit`,
      );
    }
    if (this.inflatedTotal > limits.maxTotalBytes) {
      throw tooLarge(
        `展開した合計が上限 ${sizeText(limits.maxTotalBytes)} を超えます`,
        `the parts inflate past the ${sizeText(limits.maxTotalBytes)} limit in total`,
      );
    }
    if (produced > limits.ratioMinBytes && produced > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
      throw tooLarge(
        `${entry.name} の圧縮率が ${limits.maxRatio}:1 を超えます（圧縮爆弾の疑い）`,
        `${entry.name} inflates more than ${limits.maxRatio}:1 (a zip bomb?)`,
      );
    }
  }

  /** The entry's stored bytes, after checking its local header and its declared sizes. */
  private compressedData(entry: ZipEntry): Uint8Array {
    const { bytes, limits } = this;
    if (entry.flags & 1) throw corrupt(`${entry.name}: encrypted zip entry`);
    if (entry.method !== 0 && entry.method !== 8) throw corrupt(`${entry.name}: compression method ${entry.method}`);
    // declared sizes can only make a refusal earlier; the counts while inflating are what bind
    if (entry.size > limits.maxEntryBytes) {
      throw tooLarge(
        `${entry.name} の展開後の大きさ ${sizeText(entry.size)} が上限 ${sizeText(limits.maxEntryBytes)} を超えます`,
        `${entry.name} is ${sizeText(entry.size)} inflated, over the ${sizeText(limits.maxEntryBytes)} limit`,
      );
    }
    if (entry.size > limits.ratioMinBytes && entry.size > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
      throw tooLarge(
        `${entry.name} の圧縮率が ${limits.maxRatio}:1 を超えます（圧縮爆弾の疑い）`,
        `${entry.name} inflates more than ${limits.maxRatio}:1 (a zip bomb?)`,
      );
    }
    const at = entry.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw corrupt(`${entry.name}: local header missing`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw corrupt(`${entry.name}: cut short`);
    return bytes.subarray(start, end);
  }

  private readDirectory(): void {
    const { bytes, limits } = this;
    const eocd = findEndRecord(bytes);
    if (eocd < 0) throw corrupt('zip directory not found');
    let count = u16(bytes, eocd + 10);
    let dirSize = u32(bytes, eocd + 12);
    let dirOffset = u32(bytes, eocd + 16);
    if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) throw corrupt('multi-part zip');
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) throw corrupt('zip64 locator missing');
      const z = u64(bytes, locator + 8);
      if (z + 56 > bytes.length || u32(bytes, z) !== ZIP64_EOCD) throw corrupt('zip64 directory missing');
      count = u64(bytes, z + 32);
      dirSize = u64(bytes, z + 40);
      dirOffset = u64(bytes, z + 48);
    }
    if (count > limits.maxEntries) {
      throw tooComplex(
        `ZIP の項目数 ${count} が上限 ${limits.maxEntries} を超えています`,
        `the zip holds ${count} entries, over the ${limits.maxEntries} limit`,
      );
    }
    if (dirOffset + dirSize > bytes.length) throw corrupt('zip directory cut short');
    let at = dirOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw corrupt('zip directory damaged');
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      const next = at + 46 + nameLength + extraLength + commentLength;
      if (next > bytes.length) throw corrupt('zip directory cut short');
      const entry: ZipEntry = {
        name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
        flags: u16(bytes, at + 8),
        method: u16(bytes, at + 10),
        compressedSize: u32(bytes, at + 20),
        size: u32(bytes, at + 24),
        localOffset: u32(bytes, at + 42),
      };
      readZip64Extra(bytes, at + 46 + nameLength, extraLength, entry);
      const key = partKey(entry.name);
      if (this.entries.has(key)) throw corrupt(`duplicate zip entry ${entry.name}`);
      this.entries.set(key, entry);
      at = next;
    }
  }
}

/** XML parts are UTF-8 but for the odd UTF-16 one, which says so with a byte order mark. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return utf8.decode(bytes);
}

/** The end-of-central-directory record: within the last 64 KB + 22 bytes (its comment may precede nothing). */
function findEndRecord(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD) return at;
  }
  return -1;
}

/** Sizes and offset of 0xFFFFFFFF mean "in the zip64 extra field", in this order. */
function readZip64Extra(bytes: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  if (entry.size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff) return;
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    const id = u16(bytes, at);
    const size = u16(bytes, at + 2);
    if (id === 1) {
      let field = at + 4;
      const take = (): number => {
        if (field + 8 > at + 4 + size) throw corrupt(`${entry.name}: zip64 field short`);
        const v = u64(bytes, field);
        field += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    at += 4 + size;
  }
  throw corrupt(`${entry.name}: zip64 field missing`);
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** A 64-bit field as a number: exact below 2^53, far beyond any size this reader accepts. */
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}
