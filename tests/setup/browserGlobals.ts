// jsdom lacks ResizeObserver, which Fluent UI's MessageBar uses to reflow; browsers have it.
if (typeof window !== 'undefined' && typeof window.ResizeObserver === 'undefined') {
  class NoopResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: typeof NoopResizeObserver }).ResizeObserver = NoopResizeObserver;
}
