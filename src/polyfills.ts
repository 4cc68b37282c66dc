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

  // Fluent's MessageBar.
  if (typeof document === 'object' && need(typeof root.ResizeObserver === 'function', 'ResizeObserver')) {
    define(root, 'ResizeObserver', ResizeObserverFallback);
  }
  return added;
}

installPolyfills();
