// The language switcher in the header submits as soon as a language is chosen; its "Change"
// button stays for keyboard users and for browsers without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
});
