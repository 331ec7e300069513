/** Tiny DOM helpers: every string from a trace goes through textContent, never innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function clear(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

const varCache = new Map<string, string>();
let varWatch: MutationObserver | undefined;

/**
 * A CSS custom property's value on the app root (theme colours for canvas drawing), cached until the
 * theme changes (VS Code rewrites the class and style of <html>/<body>). Reading computed style
 * during a step update would force a style recalculation after the update's DOM writes.
 */
export function cssVar(name: string, fallback: string): string {
  if (!varWatch && typeof MutationObserver === 'function') {
    varWatch = new MutationObserver(() => varCache.clear());
    const opts = {
      attributes: true,
      attributeFilter: ['class', 'style', 'data-vscode-theme-kind'],
    };
    varWatch.observe(document.documentElement, opts);
    varWatch.observe(document.body, opts);
  }
  let v = varCache.get(name);
  if (v === undefined) {
    // the --nd-* palette is defined on the app root (.ndscope), not on <body>
    const root = document.querySelector('.ndscope') ?? document.body;
    v = getComputedStyle(root).getPropertyValue(name).trim();
    varCache.set(name, v);
  }
  return v === '' ? fallback : v;
}
