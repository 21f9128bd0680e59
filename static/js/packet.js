// Packet pages: a live character count for the contact-form text, and copy buttons.
// A file, not inline code, so the page works under a CSP without 'unsafe-inline'.
(() => {
  const updateCounter = (field) => {
    const counter = document.getElementById(field.dataset.counter);
    const limit = Number(field.dataset.charLimit);
    if (!counter || !limit) return;
    const length = field.value.length;
    counter.textContent = `${length} / ${limit} characters` + (length > limit ? ` (${length - limit} too many)` : "");
    counter.classList.toggle("is-over", length > limit);
  };

  document.addEventListener("input", (event) => {
    if (event.target.matches("[data-char-limit]")) updateCounter(event.target);
  });

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    if (!source) return;
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(source.value);
      button.textContent = "Copied";
    } catch {
      source.select();
      button.textContent = "Select and copy (Ctrl+C)";
    }
    setTimeout(() => { button.textContent = label; }, 2000);
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-char-limit]").forEach(updateCounter);
  });
})();
