/**
 * Small progressive enhancements; every page works without them.
 * - Print buttons (`[data-print]`) stay hidden unless JavaScript can print.
 * - The văn bản list gets filters by type, issuer and year (`[data-doc-filter]`).
 */
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  b.hidden = false;
  b.addEventListener('click', () => window.print());
}

const filterForm = document.querySelector<HTMLFormElement>('form[data-doc-filter]');
if (filterForm) {
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-type]')];
  const selects = [...filterForm.querySelectorAll<HTMLSelectElement>('select')];
  const status = filterForm.querySelector<HTMLElement>('[role=status]');
  const apply = () => {
    let shown = 0;
    for (const row of rows) {
      const ok = selects.every((s) => !s.value || row.dataset[s.name] === s.value);
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (status) status.textContent = (status.dataset.template ?? '{n}').replace('{n}', String(shown));
  };
  for (const s of selects) s.addEventListener('change', apply);
  filterForm.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  filterForm.hidden = false;
}
