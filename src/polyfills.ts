// The few built-ins that the pane's bundles (our code, React 19, Fluent UI 9, zod 4) use and that
// Excel 2019's webview lacks: Office 2019 (perpetual/volume) on Windows shows add-ins in Edge Legacy
// (EdgeHTML 18). Each one is added only where it is missing, so modern webviews run their own.
// webpack.config.js loads this module first in every entry, before any library module runs; the
// syntax itself is lowered to ES2017 by the build (tests/addin/bundle-syntax.test.ts checks both).
//
// Found by searching the built bundles for what EdgeHTML 18 does not have. Deliberately not here:
// APIs the libraries feature-detect themselves (queueMicrotask, reportError, AbortController) and
// the ones only reached by features the pane does not use (React view transitions, zod's bigint
// and emoji schemas). Written by hand to stay small; no core-js.

type Writable = Record<string, unknown>;

function define(target: object, name: string, value: unknown): void {
  // Non-enumerable like the real ones: a for…in over an array or object must not see them.
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function rootObject(): Writable {
  if (typeof globalThis === 'object' && globalThis) return globalThis as unknown as Writable;
  if (typeof self === 'object' && self) return self as unknown as Writable;
  if (typeof window === 'object' && window) return window as unknown as Writable;
  return Function('return this')() as Writable;
}

/** A ResizeObserver entry as far as a layout fallback can know it (border box only). */
function resizeEntry(target: Element) {
  const rect = target.getBoundingClientRect();
  const size = { inlineSize: rect.width, blockSize: rect.height };
  return {
    target,
    contentRect: rect,
    borderBoxSize: [size],
    contentBoxSize: [size],
    devicePixelContentBoxSize: [size],
  };
}

/**
 * ResizeObserver stand-in: reports each observed element once after observe() and again whenever
 * the window (the task pane) is resized. Only Fluent's MessageBar uses it, to wrap long messages
 * onto a second line; an element resized without the window is not noticed.
 */
class ResizeObserverFallback {
  private readonly callback: (entries: ReturnType<typeof resizeEntry>[], observer: unknown) => void;
  private targets: Element[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onResize = () => this.schedule();

  constructor(callback: (entries: ReturnType<typeof resizeEntry>[], observer: unknown) => void) {
    if (typeof callback !== 'function') throw new TypeError('ResizeObserver: callback must be a function');
    this.callback = callback;
  }

  observe(target: Element): void {
    if (this.targets.indexOf(target) < 0) this.targets.push(target);
    if (this.targets.length === 1 && typeof window !== 'undefined') window.addEventListener('resize', this.onResize);
    this.schedule();
  }

  unobserve(target: Element): void {
    this.targets = this.targets.filter((t) => t !== target);
    if (this.targets.length === 0) this.disconnect();
  }

  disconnect(): void {
    this.targets = [];
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (typeof window !== 'undefined') window.removeEventListener('resize', this.onResize);
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.targets.length > 0) this.callback(this.targets.map(resizeEntry), this);
    }, 0);
  }
}

/** WeakRef stand-in that holds its target strongly (tabster and keyborg keep DOM elements in it). */
class StrongRef<T> {
  private readonly target: T;
  constructor(target: T) {
    this.target = target;
  }
  deref(): T {
    return this.target;
  }
}

/** DOMRect stand-in (tabster builds rectangles with `new DOMRect(x, y, width, height)`). */
class DOMRectFallback {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  constructor(x = 0, y = 0, width = 0, height = 0) {
    this.x = Number(x);
    this.y = Number(y);
    this.width = Number(width);
    this.height = Number(height);
    this.left = Math.min(this.x, this.x + this.width);
    this.right = Math.max(this.x, this.x + this.width);
    this.top = Math.min(this.y, this.y + this.height);
    this.bottom = Math.max(this.y, this.y + this.height);
  }
  toJSON() {
    const { x, y, width, height, top, right, bottom, left } = this;
    return { x, y, width, height, top, right, bottom, left };
  }
}

/** The path a focus or custom event takes, from its target up to the window (no shadow DOM there). */
function composedPath(this: Event): EventTarget[] {
  const path: EventTarget[] = [];
  let node = this.target as (EventTarget & { parentNode?: Node | null }) | null;
  while (node) {
    path.push(node);
    node = node.parentNode ?? null;
  }
  const top = path[path.length - 1] as Partial<Document> | undefined;
  if (top && top.nodeType === 9 && top.defaultView) path.push(top.defaultView);
  return path;
}

/** Code units to a string in slices (one call with a huge argument list overflows the stack). */
function fromCodeUnits(units: number[]): string {
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode.apply(null, units.slice(i, i + 8192));
  return text;
}

/** UTF-8 as the WHATWG Encoding Standard decodes it: each ill-formed subsequence one U+FFFD. */
function decodeUtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  const emit = (code: number) => {
    if (code > 0xffff) units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff));
    else units.push(code);
  };
  let needed = 0;
  let seen = 0;
  let code = 0;
  let lower = 0x80;
  let upper = 0xbf;
  // a byte order mark is dropped, as TextDecoder drops it
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7f) emit(b);
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        code = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        code = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        code = b & 0x07;
      } else emit(0xfffd);
      continue;
    }
    if (b < lower || b > upper) {
      // the sequence so far is one replacement; this byte starts afresh
      needed = seen = code = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(0xfffd);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    code = (code << 6) | (b & 0x3f);
    if (++seen === needed) {
      emit(code);
      needed = seen = code = 0;
    }
  }
  if (needed !== 0) emit(0xfffd);
  return fromCodeUnits(units);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) units.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  if (units[0] === 0xfeff) units.shift();
  if (bytes.length % 2) units.push(0xfffd);
  return fromCodeUnits(units);
}

/**
 * TextDecoder stand-in for the workbook reader of 提出ブックを取り込む: UTF-8 and UTF-16, whole
 * buffers (no streaming), invalid bytes as U+FFFD, a byte order mark dropped.
 */
export class TextDecoderFallback {
  readonly encoding: string;
  constructor(label = 'utf-8') {
    const name = String(label).trim().toLowerCase();
    this.encoding = name === 'utf8' || name === 'unicode-1-1-utf-8' ? 'utf-8' : name === 'utf-16' ? 'utf-16le' : name;
    if (['utf-8', 'utf-16le', 'utf-16be'].indexOf(this.encoding) < 0) throw new RangeError(`TextDecoder: the encoding "${label}" is not supported here`);
  }
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    if (!input) return '';
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return this.encoding === 'utf-8' ? decodeUtf8(bytes) : decodeUtf16(bytes, this.encoding === 'utf-16le');
  }
}

/** Adds whatever is missing; returns the names it added (the tests read them). */
export function installPolyfills(): string[] {
  const added: string[] = [];
  const root = rootObject();
  const need = (present: boolean, name: string) => {
    if (!present) added.push(name);
    return !present;
  };

  // zod reads globalThis while its modules load.
  if (need(typeof root.globalThis === 'object', 'globalThis')) define(root, 'globalThis', root);

  // Griffel (Fluent's styles) on every render, zod's enums, our summary.
  if (need(typeof Object.fromEntries === 'function', 'Object.fromEntries')) {
    define(Object, 'fromEntries', function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>) {
      const result: Record<PropertyKey, unknown> = {};
      for (const [key, value] of entries) result[key] = value;
      return result;
    });
  }

  // Our engine and zod.
  if (need(typeof Array.prototype.flatMap === 'function', 'Array.prototype.flatMap')) {
    define(Array.prototype, 'flatMap', function flatMap<T, U>(
      this: T[],
      callback: (value: T, index: number, array: T[]) => U | readonly U[],
      thisArg?: unknown,
    ): U[] {
      const result: U[] = [];
      for (let i = 0; i < this.length; i++) {
        if (!(i in this)) continue;
        const mapped = callback.call(thisArg, this[i], i, this);
        if (Array.isArray(mapped)) for (let j = 0; j < mapped.length; j++) result.push(mapped[j]);
        else result.push(mapped as U);
      }
      return result;
    });
  }

  // Our engine (scale word lists).
  if (need(typeof Array.prototype.flat === 'function', 'Array.prototype.flat')) {
    define(Array.prototype, 'flat', function flat(this: unknown[], depth = 1): unknown[] {
      const result: unknown[] = [];
      const add = (items: unknown[], level: number) => {
        for (let i = 0; i < items.length; i++) {
          if (!(i in items)) continue;
          const item = items[i];
          if (Array.isArray(item) && level > 0) add(item, level - 1);
          else result.push(item);
        }
      };
      add(this, Math.floor(Number(depth)) || 0);
      return result;
    });
  }

  // zod's code generator for object schemas.
  if (need(typeof String.prototype.trimStart === 'function', 'String.prototype.trimStart')) {
    define(String.prototype, 'trimStart', function trimStart(this: string) {
      return String(this).replace(/^\s+/, '');
    });
  }
  if (need(typeof String.prototype.trimEnd === 'function', 'String.prototype.trimEnd')) {
    define(String.prototype, 'trimEnd', function trimEnd(this: string) {
      return String(this).replace(/\s+$/, '');
    });
  }

  // zod builds its int64/uint64 bounds with BigInt("…") while it loads. The pane has no bigint
  // schema; this stand-in returns a Number so that zod loads. It is no BigInt: typeof gives
  // "number", so zod's own `typeof x === "bigint"` checks still see none.
  if (need(typeof root.BigInt === 'function', 'BigInt')) {
    define(root, 'BigInt', function BigInt(value: unknown) {
      return Number(value);
    });
  }

  // tabster and keyborg (Fluent's focus management) on every focus change.
  if (need(typeof root.WeakRef === 'function', 'WeakRef')) define(root, 'WeakRef', StrongRef);
  if (typeof Event === 'function' && need(typeof Event.prototype.composedPath === 'function', 'Event.prototype.composedPath')) {
    define(Event.prototype, 'composedPath', composedPath);
  }
  if (typeof document === 'object' && need(typeof root.DOMRect === 'function', 'DOMRect')) define(root, 'DOMRect', DOMRectFallback);

  // The workbook reader (提出ブックを取り込む) makes its decoders when its modules load.
  if (need(typeof root.TextDecoder === 'function', 'TextDecoder')) define(root, 'TextDecoder', TextDecoderFallback);

  // Fluent's MessageBar.
  if (typeof document === 'object' && need(typeof root.ResizeObserver === 'function', 'ResizeObserver')) {
    define(root, 'ResizeObserver', ResizeObserverFallback);
  }
  return added;
}

installPolyfills();
