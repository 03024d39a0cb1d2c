// The site's touches to every admin page (templates/admin/base_site.html); a file, since the
// Content-Security-Policy forbids inline script.
// 1. Django's admin writes "Note: You are N hours ahead of server time." under every date and
//    time field (DateTimeShortcuts.js, on window load, and again for each inline row added). One
//    note per page says it: keep the first, hide the others.
// 2. The search boxes select2 draws over autocomplete and country fields (a combobox and, for
//    several values, a text field) get the name of the field they stand for; the empty head of
//    a tabular inline's first column gets a name for screen readers.
"use strict";
function keepFirstTimezoneNote() {
  document.querySelectorAll(".timezonewarning").forEach((note, index) => {
    if (note.hidden !== index > 0) {
      note.hidden = index > 0;
    }
  });
}

function fieldName(select) {
  if (select.getAttribute("aria-label")) {
    return select.getAttribute("aria-label");
  }
  const label = select.id && document.querySelector(`label[for="${select.id}"]`);
  return label ? label.textContent.replace(/:\s*$/, "").trim() : select.name;
}

function nameSelect2Boxes() {
  document.querySelectorAll("select.select2-hidden-accessible").forEach((select) => {
    const container = select.nextElementSibling;
    if (!container || !container.classList.contains("select2-container")) {
      return;
    }
    const name = fieldName(select);
    container.querySelectorAll('[role="combobox"], [role="textbox"], .select2-search__field').forEach((box) => {
      if (box.getAttribute("aria-label") !== name) {
        box.setAttribute("aria-label", name);
      }
    });
    container.querySelectorAll("ul.select2-selection__rendered").forEach((list) => {
      if (list.getAttribute("role") !== "none") {
        list.setAttribute("role", "none");
      }
    });
  });
  document.querySelectorAll(".tabular thead th.original:empty").forEach((head) => {
    const text = document.createElement("span");
    text.className = "visually-hidden";
    text.textContent = document.documentElement.lang.startsWith("en") ? "Record" : "#";
    head.appendChild(text);
  });
}

function tidy() {
  keepFirstTimezoneNote();
  nameSelect2Boxes();
}

window.addEventListener("load", () => {
  setTimeout(tidy);
  new MutationObserver(tidy).observe(document.body, { childList: true, subtree: true });
});
