// Tracking pages: copy a follow-up draft to the clipboard. Loaded as a file (the CSP forbids inline code).
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  const status = button.parentElement.querySelector("[data-copy-status]");
  if (!source) return;
  try {
    await navigator.clipboard.writeText(source.value);
    if (status) status.textContent = "Copied.";
  } catch (error) {
    source.select();
    if (status) status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
  }
});

// A checklist tick saves at once; without JavaScript the Save button does the same.
document.addEventListener("change", (event) => {
  const box = event.target.closest("input[data-autosubmit]");
  if (box && box.form) box.form.requestSubmit();
});
