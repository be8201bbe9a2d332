// The review page's behaviour: filters, search, and the details of a hovered item. It reads only
// the page's own (escaped) elements and never writes HTML, only text and classes.
(function () {
  "use strict";
  const rows = Array.from(document.querySelectorAll("tr.row"));
  const tables = Array.from(document.querySelectorAll("div.grid"), (grid) =>
    Array.from(grid.querySelectorAll("tr.row, tr.section")));
  const statusFilter = document.getElementById("f-status");
  const leadFilter = document.getElementById("f-lead");
  const search = document.getElementById("f-search");
  const count = document.getElementById("f-count");
  const detail = document.getElementById("detail");
  let leads = null;
  let texts = null;

  function rowLeads() {
    if (!leads) leads = rows.map((row) => JSON.parse(row.dataset.leads || "[]"));
    return leads;
  }
  function rowTexts() {
    // Cell text only: the side lists repeat it and would match a search twice.
    if (!texts) {
      texts = rows.map((row) =>
        Array.from(row.querySelectorAll(".ct"), (cell) => cell.textContent).join("\n").toLowerCase());
    }
    return texts;
  }

  function apply() {
    const status = statusFilter.value;
    const lead = leadFilter.value;
    const needle = search.value.trim().toLowerCase();
    const units = lead ? rowLeads() : null;
    const haystacks = needle ? rowTexts() : null;
    let shown = 0;
    rows.forEach((row, i) => {
      const visible = (!status || row.dataset.status === status) &&
        (!lead || units[i].includes(lead)) && (!needle || haystacks[i].includes(needle));
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    // A section heading shows while a row under it does (its rows may go on in the next chunk).
    tables.forEach((lines) => {
      let heading = null;
      let headingShown = false;
      lines.forEach((line) => {
        if (line.classList.contains("section")) {
          if (heading) heading.hidden = !headingShown;
          heading = line;
          headingShown = false;
        } else if (!line.hidden) {
          headingShown = true;
        }
      });
      if (heading) heading.hidden = !headingShown;
    });
    count.textContent = shown + " of " + rows.length + " rows";
  }

  let timer = 0;
  statusFilter.addEventListener("change", apply);
  leadFilter.addEventListener("change", apply);
  search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(apply, 120); });
  document.querySelectorAll(".legend input[data-layer]").forEach((box) => {
    box.addEventListener("change", () => document.body.classList.toggle("off-" + box.dataset.layer, !box.checked));
  });

  let hot = [];
  function light(ref) {
    hot.forEach((element) => element.classList.remove("hot"));
    hot = ref ? Array.from(document.querySelectorAll('[data-ref="' + ref + '"]')) : [];
    hot.forEach((element) => element.classList.add("hot"));
  }
  function show(mark) {
    // The hovered mark and every mark around it: a figure inside a statement shows both.
    const titles = [];
    for (let m = mark; m; m = m.parentElement.closest("mark.m[data-ref]")) titles.push(m.title);
    light(mark.dataset.ref);
    detail.textContent = titles.join("\n\n");
    detail.hidden = false;
  }
  document.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark.m[data-ref]");
    if (mark) { show(mark); return; }
    const entry = event.target.closest("li[data-ref]");
    if (entry) {
      const target = document.querySelector('mark[data-ref="' + entry.dataset.ref + '"]');
      if (target) show(target); else light(entry.dataset.ref);
    }
  });
  // The side list: the selected row's items, read back from its marks (one entry per item, its
  // fragments joined), in the order the page wrote them: figures, dates, issues, statements.
  const panelRow = document.getElementById("panel-row");
  const panelList = document.getElementById("panel-list");
  let selected = null;
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function listRow(row) {
    if (selected) selected.classList.remove("selected");
    selected = row;
    row.classList.add("selected");
    const items = new Map();
    row.querySelectorAll("mark.m[data-ref]").forEach((mark) => {
      const ref = mark.dataset.ref;
      if (!items.has(ref)) items.set(ref, { mark: mark, text: "" });
      items.get(ref).text += mark.textContent;
    });
    const order = (ref) => Number(ref.slice(ref.lastIndexOf("-") + 1));
    const entries = Array.from(items.entries()).sort((a, b) => order(a[0]) - order(b[0]));
    const seq = row.querySelector("td.num");
    panelRow.textContent = "Row " + (seq ? seq.firstChild ? seq.firstChild.textContent : "" : "") + " · " +
      entries.length + " items";
    panelList.replaceChildren(...entries.map(([ref, item]) => {
      const lines = item.mark.title.split("\n");
      const layer = lines[0].split(" · ")[0];
      const kind = lines[0].split(" · ")[1] || layer;
      const entry = element("li", "r-" + layer);
      entry.dataset.ref = ref;
      entry.append(element("span", "badge b-" + layer, kind), " ", element("q", "", item.text));
      if (lines.length > 2) entry.append(element("span", "detail", "→ " + lines.slice(1, -1).join(" · ")));
      entry.append(element("small", "", lines[lines.length - 1]));
      return entry;
    }));
  }
  document.addEventListener("click", (event) => {
    const entry = event.target.closest("li[data-ref]");
    const target = entry && document.querySelector('mark[data-ref="' + entry.dataset.ref + '"]');
    if (target) { target.scrollIntoView({ block: "center" }); show(target); return; }
    const row = event.target.closest("tr.row");
    if (row) listRow(row);
  });
  // The column headings stick just below the filter bar, whatever its height once wrapped.
  const bar = document.getElementById("filters");
  new ResizeObserver(() => document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px"))
    .observe(bar);
  apply();
})();
