import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// findBy…/waitFor give a page this long to show what is expected: long enough for a machine busy with other test
// runs (the answer only comes later, the test does not get slower when the page is right). Pages load as lazy
// chunks, so a file's first test also waits for its page module to be transformed: on a loaded 2-core machine that
// alone has taken over 30 s.
configure({ asyncUtilTimeout: 90_000 });

// jsdom lacks the layout APIs Mantine relies on; these shims only need to exist, not to measure anything.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverShim {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverShim;

Object.defineProperty(window, 'scrollTo', { writable: true, value: () => undefined });
Element.prototype.scrollIntoView = function scrollIntoView() {};

window.HTMLElement.prototype.hasPointerCapture = () => false;

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});
