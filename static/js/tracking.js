// Tracking pages. Loaded as a file (the CSP forbids inline code).
// A checklist tick saves at once; without JavaScript the Save button does the same.
document.addEventListener("change", (event) => {
  const box = event.target.closest("input[data-autosubmit]");
  if (box && box.form) box.form.requestSubmit();
});
