// Small behaviours shared by every page. Loaded as a file so the CSP needs no 'unsafe-inline'.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Copy buttons: data-copy is the selector of the field whose text goes to the clipboard. Where the
// clipboard is refused, the text is selected for Ctrl+C. A [data-copy-status] beside the button says
// how it went (aria-live); without one, the button's own label says it for two seconds.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  const source = button && document.querySelector(button.dataset.copy);
  if (!source) return;
  let copied = true;
  try {
    await navigator.clipboard.writeText(source.value);
  } catch {
    source.select();
    copied = false;
  }
  const status = button.parentElement.querySelector("[data-copy-status]");
  if (status) {
    status.textContent = copied ? "Copied." : "Selected: press Ctrl+C (⌘C) to copy.";
  } else {
    const label = button.textContent;
    button.textContent = copied ? "Copied" : "Select and copy (Ctrl+C)";
    setTimeout(() => { button.textContent = label; }, 2000);
  }
});

// Autosaving forms (data-hx-post + data-hx-target): the status says "Saving…" from the first keystroke until
// the server's answer replaces it, so "Saved at" never shows while a change is still on its way.
(() => {
  const statusOf = (element) => {
    const form = element && element.closest ? element.closest("form[data-hx-post][data-hx-target]") : null;
    return form ? document.querySelector(form.getAttribute("data-hx-target")) : null;
  };
  const say = (element, text) => {
    const status = statusOf(element);
    if (status && status.textContent !== text) status.textContent = text;  // one announcement, not one per key
  };
  ["input", "change", "htmx:beforeRequest"].forEach((name) => {
    document.addEventListener(name, (event) => say(event.target, "Saving…"));
  });
  ["htmx:responseError", "htmx:sendError"].forEach((name) => {
    document.addEventListener(name, (event) => say(event.target, "Not saved: the portal did not answer. Use Save."));
  });
})();

// "Save" and "Save and continue" wait for an autosave in flight: submitted beside it, the form would
// carry the fingerprint that autosave is replacing, and the server would refuse it as a stale edit.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches("form[data-hx-post]") || !form.classList.contains("htmx-request")) return;
  event.preventDefault();
  const submitter = event.submitter;
  form.addEventListener("htmx:afterRequest", () => setTimeout(() => form.requestSubmit(submitter), 0), { once: true });
});
