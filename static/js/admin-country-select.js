// The admin's country boxes (core/admin.py CountrySelectMultiple): select2, shipped with Django's
// admin, turns each into a search box over its own static list of countries; no request is made.
"use strict";
window.addEventListener("load", () => {
  const $ = window.django && window.django.jQuery;
  if (!$ || !$.fn.select2) {
    return;
  }
  $("select.admin-country-select").each(function () {
    $(this).select2({ width: "resolve", placeholder: this.getAttribute("aria-label") || "" });
  });
});
