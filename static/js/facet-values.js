// The "Show all" page of a facet (generic/facet_values.html) works as plain HTML: the search box
// reloads the page with the values matching it. With JavaScript, typing narrows the listed values
// at once (accent- and case-blind), without a reload; the form still submits as before.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("#facet-q");
  const items = document.querySelectorAll(".facet-values-all li");
  if (!input || !items.length) return;
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/g, "i").toLowerCase();
  const labels = Array.from(items, (item) => fold(item.textContent));
  const status = document.querySelector("#facet-filter-status");
  input.addEventListener("input", () => {
    const needle = fold(input.value.trim());
    let shown = 0;
    items.forEach((item, i) => {
      const match = !needle || labels[i].includes(needle);
      item.hidden = !match;
      if (match) shown += 1;
    });
    if (status) status.textContent = status.dataset.template.replace("%s", shown);
  });
});
