// Built-ins that Edge Legacy (EdgeHTML 18: the webview of Excel 2019 perpetual/volume on Windows)
// does not have. The browser tests remove them from Chromium before any script of the page runs:
// src/polyfills.ts must put back the ones the bundles need, before they need them, and the
// libraries must feature-detect the others. Syntax and regular expressions, which Chromium accepts
// anyway, are checked by tests/addin/bundle-syntax.test.ts.

export const EDGE_LEGACY_MISSING: Record<string, string[]> = {
  window: [
    'BigInt',
    'WeakRef',
    'FinalizationRegistry',
    'AggregateError',
    'ResizeObserver',
    'DOMRect',
    'queueMicrotask',
    'structuredClone',
    'reportError',
    'TextDecoder',
    'TextEncoder',
  ],
  Object: ['fromEntries', 'hasOwn', 'groupBy'],
  'Array.prototype': ['flat', 'flatMap', 'at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with'],
  'String.prototype': ['trimStart', 'trimEnd', 'matchAll', 'replaceAll', 'at', 'isWellFormed', 'toWellFormed'],
  'Symbol.prototype': ['description'],
  Promise: ['allSettled', 'any'],
  'Event.prototype': ['composedPath'],
  'Node.prototype': ['isConnected'],
  'Element.prototype': ['toggleAttribute', 'replaceChildren', 'animate', 'getAnimations', 'checkVisibility'],
  CSS: ['escape'],
  'Blob.prototype': ['arrayBuffer', 'text', 'stream'],
};

/** What src/polyfills.ts adds back (globalThis is removed too, last). */
export const EDGE_LEGACY_POLYFILLED = [
  'globalThis',
  'BigInt',
  'WeakRef',
  'ResizeObserver',
  'DOMRect',
  'Object.fromEntries',
  'Array.prototype.flat',
  'Array.prototype.flatMap',
  'String.prototype.trimStart',
  'String.prototype.trimEnd',
  'Event.prototype.composedPath',
  'TextDecoder',
];

/** An init script (Playwright addInitScript) that removes them all, and fails loudly if it cannot. */
export function removeEdgeLegacyMissing(): string {
  return `(() => {
    const missing = ${JSON.stringify(EDGE_LEGACY_MISSING)};
    for (const owner of Object.keys(missing)) {
      const target = owner.split('.').reduce((o, key) => o[key], window);
      for (const name of missing[owner]) {
        delete target[name];
        if (name in target) throw new Error('could not remove ' + owner + '.' + name);
      }
    }
    delete window.globalThis;
    if (typeof globalThis !== 'undefined') throw new Error('could not remove globalThis');
  })();`;
}

/** Which of `names` ("globalThis", "BigInt", "Object.fromEntries"…) the page has as objects/functions. */
export function presentIn(names: string[]): string[] {
  const w = window as unknown as Record<string, unknown>;
  return names.filter((name) => {
    if (name === 'globalThis') return typeof w.globalThis === 'object';
    const parts = name.split('.');
    const owner = parts.slice(0, -1).reduce<Record<string, unknown>>((o, key) => o[key] as Record<string, unknown>, w);
    return typeof owner[parts[parts.length - 1]] === 'function';
  });
}
