/** What jsdom lacks of a browser and the preview's grid uses (layout is not under test where this is called). */
export function withGridLayoutStubs(): void {
  beforeAll(() => {
    globalThis.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    Element.prototype.scrollTo = () => {};
    Element.prototype.scrollIntoView = () => {};
  });
}
