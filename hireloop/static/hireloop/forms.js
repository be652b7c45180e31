// Bootstrap classes for the inputs Django renders plainly (forms of jobs, profiles, plans,
// reviews). A static file, not an inline script: the Content-Security-Policy allows no inline
// script.
document.querySelectorAll("form.bs-form input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not(.form-control), form.bs-form textarea:not(.form-control)")
  .forEach(e => e.classList.add("form-control"));
document.querySelectorAll("form.bs-form select:not(.form-select)").forEach(e => e.classList.add("form-select"));
document.querySelectorAll("form.bs-form input[type=checkbox]:not(.form-check-input)").forEach(e => e.classList.add("form-check-input"));
document.querySelectorAll("form.bs-selects select:not(.form-select)").forEach(e => e.classList.add("form-select"));
