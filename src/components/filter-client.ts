/**
 * The script of /files/ (bundled by src/integrations/site-assets.mjs, inlined by the page).
 * Progressive enhancement: the list is fully rendered, in pages of 1,000 rows on a big site, each
 * linking all pages; this shows the filter form and hides rows that do not match. On a list of
 * several pages, the first filter fetches the other pages and filters all their rows, with the
 * pager hidden until the filter is cleared. The query string mirrors the form, so a filtered view
 * is a link (the file pages' breadcrumbs link to `?dir=…`).
 */

const FIELDS = ['detected', 'declared', 'category', 'dir', 'drift', 'q'] as const;

/** Every page's rows, in page order: this page's own, the others fetched and parsed. */
async function allRows(links: HTMLAnchorElement[], own: HTMLElement[]): Promise<HTMLElement[]> {
  const pages = await Promise.all(
    links.map(async (link) => {
      if (link.getAttribute('aria-current') === 'page') return own;
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(`${link.href}: ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      return [...page.querySelectorAll<HTMLElement>('#file-list > li')].map((row) => document.importNode(row, true));
    }),
  );
  return pages.flat();
}

/** Shows the form, applies `location.search`, and re-filters on every change. */
function enableFileFilter(): void {
  const form = document.querySelector<HTMLFormElement>('#file-filter');
  const list = document.querySelector<HTMLElement>('#file-list');
  const own = [...document.querySelectorAll<HTMLElement>('#file-list > li')];
  const count = document.querySelector('#file-count');
  const pager = document.querySelector<HTMLElement>('#file-pages');
  const links = pager ? [...pager.querySelectorAll<HTMLAnchorElement>('a[href]')] : [];
  if (!form || !list) return;
  form.hidden = false;
  const pageCount = count?.textContent ?? '';
  // A one-page list has all its rows; a paged one fetches the others' on its first filter.
  let all: HTMLElement[] | null = links.length > 1 ? null : own;
  let failed = false;
  let loading: Promise<void> | null = null;
  const loadAll = () =>
    (loading ??= allRows(links, own).then(
      (rows) => {
        all = rows;
        list.replaceChildren(...rows);
      },
      () => {
        failed = true;
      },
    ));
  const params = new URLSearchParams(location.search);
  for (const name of FIELDS) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (field && value !== null) field.value = value;
  }
  const filtering = () => FIELDS.some((name) => String(new FormData(form).get(name) ?? '').trim() !== '');
  const apply = async (): Promise<void> => {
    if (filtering() && all === null && !failed) {
      if (count) count.textContent = 'Loading every page of the list…';
      await loadAll();
    }
    // Read after the wait: the form may have changed meanwhile.
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const active = FIELDS.some((name) => get(name) !== '');
    const inList = all ?? own;
    // Unfiltered, a page shows its own rows; filtered, every page's (this page's if they failed to load).
    const pool = active && all ? all : own;
    const inPool = pool === inList ? null : new Set(pool);
    const q = get('q').toLowerCase();
    const dir = get('dir');
    let shown = 0;
    for (const row of inList) {
      const d = row.dataset;
      const ok =
        (!inPool || inPool.has(row)) &&
        (!get('detected') || d.detected === get('detected')) &&
        (!get('declared') || d.declared === get('declared')) &&
        (!get('category') || d.category === get('category')) &&
        (!dir || d.dir === dir || (d.dir ?? '').startsWith(`${dir}/`)) &&
        (!get('drift') || d.drift === get('drift')) &&
        (!q || (d.text ?? '').includes(q));
      row.hidden = !ok;
      if (ok) shown++;
    }
    const paged = links.length > 1;
    if (pager) pager.hidden = active && all !== null && paged;
    if (count) count.textContent = paged && !active ? pageCount : `${shown} of ${pool.length} items${active && all === null ? ' on this page (the other pages could not be loaded)' : ''}`;
    const query = new URLSearchParams();
    for (const name of FIELDS) if (get(name)) query.set(name, get(name));
    const search = query.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  };
  form.addEventListener('input', () => void apply());
  form.addEventListener('submit', (e) => e.preventDefault());
  void apply();
}

enableFileFilter();
