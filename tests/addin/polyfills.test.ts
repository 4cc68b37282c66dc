/**
 * @jest-environment jsdom
 */
// src/polyfills.ts: each stand-in behaves like the built-in it replaces, as far as the pane's
// libraries use it, and nothing is replaced where the built-in exists.
import { installPolyfills } from '../../src/polyfills';

type Owner = Record<string, unknown>;

/** Runs `body` with `owner[name]` removed, then puts the original back. */
function without(owner: object, name: string, body: () => void): void {
  const o = owner as Owner;
  const original = Object.getOwnPropertyDescriptor(o, name);
  delete o[name];
  try {
    body();
  } finally {
    delete o[name];
    if (original) Object.defineProperty(o, name, original);
  }
}

test('adds nothing where the built-ins exist (a modern webview keeps its own)', () => {
  const before = [Object.fromEntries, Array.prototype.flatMap, String.prototype.trimStart, globalThis.WeakRef];
  const native = ['globalThis', 'Object.fromEntries', 'Array.prototype.flatMap', 'String.prototype.trimStart', 'BigInt', 'WeakRef'];
  expect(installPolyfills().filter((name) => native.includes(name))).toEqual([]);
  expect([Object.fromEntries, Array.prototype.flatMap, String.prototype.trimStart, globalThis.WeakRef]).toEqual(before);
});

test('Object.fromEntries', () => {
  without(Object, 'fromEntries', () => {
    expect(installPolyfills()).toContain('Object.fromEntries');
    expect(Object.fromEntries([['a', 1], ['b', 2]])).toEqual({ a: 1, b: 2 });
    expect(Object.fromEntries(new Map([['x', 'y']]))).toEqual({ x: 'y' });
    expect(Object.keys(Object)).not.toContain('fromEntries');
  });
});

test('Array.prototype.flat: to the depth asked, holes skipped', () => {
  without(Array.prototype, 'flat', () => {
    expect(installPolyfills()).toContain('Array.prototype.flat');
    expect([1, [2, [3, [4]]]].flat()).toEqual([1, 2, [3, [4]]]);
    expect([1, [2, [3, [4]]]].flat(2)).toEqual([1, 2, 3, [4]]);
    // eslint-disable-next-line no-sparse-arrays
    expect([1, , [2, , 3]].flat()).toEqual([1, 2, 3]);
    expect(Object.keys(Array.prototype)).not.toContain('flat');
  });
});

test('Array.prototype.flatMap: one level, holes skipped, not enumerable', () => {
  without(Array.prototype, 'flatMap', () => {
    expect(installPolyfills()).toContain('Array.prototype.flatMap');
    expect([1, 2, 3].flatMap((n) => (n === 2 ? [] : [n, [n * 10]]))).toEqual([1, [10], 3, [30]]);
    // eslint-disable-next-line no-sparse-arrays
    expect([1, , 3].flatMap((n) => n)).toEqual([1, 3]);
    expect(['a'].flatMap(function (this: { s: string }, v) { return v + this.s; }, { s: '!' })).toEqual(['a!']);
    const keys: string[] = [];
    for (const key in [1]) keys.push(key);
    expect(keys).toEqual(['0']);
  });
});

test('String.prototype.trimStart / trimEnd', () => {
  without(String.prototype, 'trimStart', () =>
    without(String.prototype, 'trimEnd', () => {
      expect(installPolyfills()).toEqual(expect.arrayContaining(['String.prototype.trimStart', 'String.prototype.trimEnd']));
      expect(' \u3000\n a b \t'.trimStart()).toBe('a b \t');
      expect(' a b \u00a0\n'.trimEnd()).toBe(' a b');
    }),
  );
});

test('BigInt stand-in: zod can build its bounds; the result is a plain number', () => {
  without(globalThis, 'BigInt', () => {
    expect(installPolyfills()).toContain('BigInt');
    const big = (globalThis as unknown as Owner).BigInt as (value: string) => unknown;
    // the stand-in gives a Number, which cannot hold 2^63 − 1 exactly: it rounds to 2^63
    expect(big('9223372036854775807')).toBe(2 ** 63);
    expect(typeof big('0')).toBe('number');
  });
});

test('WeakRef stand-in: deref() gives the target back', () => {
  without(globalThis, 'WeakRef', () => {
    expect(installPolyfills()).toContain('WeakRef');
    const target = document.createElement('div');
    const Ref = (globalThis as unknown as Owner).WeakRef as new (t: object) => { deref(): unknown };
    expect(new Ref(target).deref()).toBe(target);
  });
});

test('Event.prototype.composedPath: target up to the window', () => {
  without(Event.prototype, 'composedPath', () => {
    expect(installPolyfills()).toContain('Event.prototype.composedPath');
    const outer = document.createElement('div');
    const inner = document.createElement('button');
    outer.appendChild(inner);
    document.body.appendChild(outer);
    let path: EventTarget[] = [];
    outer.addEventListener('focusin', (event) => {
      path = event.composedPath();
    });
    inner.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(path).toEqual([inner, outer, document.body, document.documentElement, document, window]);
    outer.remove();
  });
});

test('DOMRect stand-in: x, y, width, height and the edges', () => {
  without(globalThis, 'DOMRect', () => {
    expect(installPolyfills()).toContain('DOMRect');
    const Rect = (globalThis as unknown as Owner).DOMRect as new (...args: number[]) => Record<string, number>;
    expect({ ...new Rect(10, 20, 30, 40) }).toEqual({ x: 10, y: 20, width: 30, height: 40, left: 10, top: 20, right: 40, bottom: 60 });
    expect({ ...new Rect() }).toEqual({ x: 0, y: 0, width: 0, height: 0, left: 0, top: 0, right: 0, bottom: 0 });
    expect(new Rect(5, 5, -5, 10).left).toBe(0);
  });
});

test('ResizeObserver stand-in: reports after observe() and on window resize, stops on disconnect()', async () => {
  delete (globalThis as unknown as Owner).ResizeObserver; // jsdom has none; make sure of it
  expect(installPolyfills()).toContain('ResizeObserver');
  const Observer = (globalThis as unknown as Owner).ResizeObserver as typeof ResizeObserver;
  const target = document.createElement('div');
  document.body.appendChild(target);
  const seen: { target: Element; inlineSize: number }[][] = [];
  const observer = new Observer((entries) => {
    seen.push(entries.map((e) => ({ target: e.target, inlineSize: e.borderBoxSize[0].inlineSize })));
  });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  observer.observe(target, { box: 'border-box' });
  observer.observe(target); // twice: still one entry
  await tick();
  expect(seen).toEqual([[{ target, inlineSize: 0 }]]); // jsdom lays nothing out: width 0

  window.dispatchEvent(new Event('resize'));
  await tick();
  expect(seen).toHaveLength(2);

  observer.disconnect();
  window.dispatchEvent(new Event('resize'));
  await tick();
  expect(seen).toHaveLength(2);
  expect(() => new Observer(undefined as unknown as ResizeObserverCallback)).toThrow(TypeError);
  target.remove();
});

test('globalThis, where it is missing, is the global object', () => {
  // Observed inside, asserted after: jest's expect reads globalThis itself.
  const root = window as unknown as Owner;
  let seen: { before: boolean; added: string[]; after: unknown; enumerable: boolean } | undefined;
  without(root, 'globalThis', () => {
    const before = 'globalThis' in root;
    const added = installPolyfills();
    seen = { before, added, after: root.globalThis, enumerable: Object.keys(root).indexOf('globalThis') >= 0 };
  });
  expect(seen).toEqual({ before: false, added: expect.arrayContaining(['globalThis']), after: window, enumerable: false });
});
