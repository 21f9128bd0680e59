// Packet pages: a live character count for the contact-form text.
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

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-char-limit]").forEach(updateCounter);
  });
})();
