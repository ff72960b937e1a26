/**
 * The script of /files/ (bundled by src/integrations/site-assets.mjs, inlined by the page).
 * Progressive enhancement: the list is fully rendered; this shows the filter form and hides rows
 * that do not match. The query string mirrors the form, so a filtered view is a link (the file
 * pages' breadcrumbs link to `?dir=…`).
 */

const FIELDS = ['detected', 'declared', 'category', 'dir', 'drift', 'q'] as const;

/** Shows the form, applies `location.search`, and re-filters on every change. */
function enableFileFilter(): void {
  const form = document.querySelector<HTMLFormElement>('#file-filter');
  const rows = [...document.querySelectorAll<HTMLElement>('#file-list > li')];
  const count = document.querySelector('#file-count');
  if (!form) return;
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  for (const name of FIELDS) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (field && value !== null) field.value = value;
  }
  const apply = (): void => {
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const q = get('q').toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const dir = get('dir');
      const ok =
        (!get('detected') || d.detected === get('detected')) &&
        (!get('declared') || d.declared === get('declared')) &&
        (!get('category') || d.category === get('category')) &&
        (!dir || d.dir === dir || (d.dir ?? '').startsWith(`${dir}/`)) &&
        (!get('drift') || d.drift === get('drift')) &&
        (!q || (d.text ?? '').includes(q));
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = `${shown} of ${rows.length} items`;
    const query = new URLSearchParams();
    for (const name of FIELDS) if (get(name)) query.set(name, get(name));
    const search = query.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}

enableFileFilter();
