/**
 * antd's whole stylesheet, after the first frame. The page starts with only the rules of the
 * components its first screen can draw (scripts/antd-styles.mjs: ~half of antd's ~1 MB); the
 * first link's `data-antd-whole` names the whole file. It is fetched once the first frame is
 * painted (ui/later.tsx), and every piece of code loaded later (a page, a dialog) waits for it, so
 * no component is ever drawn without its rules.
 *
 * The whole file goes right after the first part, before the console's own stylesheet: every
 * antd rule then comes in its original order, the console's after them, as in one stylesheet.
 */
let loading: Promise<void> | undefined;

export function loadWholeStyles(): Promise<void> {
  loading ??= new Promise<void>((resolve) => {
    const first = document.querySelector<HTMLLinkElement>('link[data-antd-whole]');
    const href = first?.dataset.antdWhole;
    // A page built without the split (or opened from a copy without it) has every rule already.
    if (!first || !href) return resolve();
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.antdWholeSheet = '';
    link.addEventListener('load', () => resolve());
    // Not fetched (the LAN dropped): the page opens as it can, and the next one asks again.
    link.addEventListener('error', () => {
      link.remove();
      loading = undefined;
      resolve();
    });
    first.after(link);
  });
  return loading;
}

/** Code loaded later, with antd's whole stylesheet: for every dynamic import of the renderer. */
export function withWholeStyles<T>(loaded: Promise<T>): Promise<T> {
  return Promise.all([loaded, loadWholeStyles()]).then(([value]) => value);
}
