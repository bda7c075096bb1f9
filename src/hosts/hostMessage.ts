/**
 * A message shown instead of the pane when it cannot start (no Office, Excel too old, …).
 * Plain DOM on purpose: it must work even when the pane's bundle is what failed.
 */
export function showHostMessage(root: HTMLElement, text: string, link?: { href: string; label: string }): void {
  const box = document.createElement('main');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font-family: "Segoe UI", system-ui, sans-serif; font-size: 14px; line-height: 1.5; padding: 16px; max-width: 40em;';
  const p = document.createElement('p');
  p.textContent = text;
  box.append(p);
  if (link) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.label;
    box.append(a);
  }
  root.replaceChildren(box);
}
