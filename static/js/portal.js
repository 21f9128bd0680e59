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

// An autosave answer lists the fields it could not save (a <template data-field-errors>, empty when all
// were saved). Each listed field is marked as the server marks it on a full page: aria-invalid, the
// red outline, and its message under it (described by it); every other field of the form is cleared.
// The boxes themselves are never replaced, so the typed text and the cursor stay where they are.
(() => {
  const mark = (wrapper, id, message) => {
    const controls = wrapper.querySelectorAll("input, select, textarea");
    const errorId = `${id}_error`;
    wrapper.querySelectorAll(".invalid-feedback").forEach((old) => old.remove());
    controls.forEach((control) => {
      const described = (control.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== errorId);
      if (message) described.push(errorId);
      if (described.length) control.setAttribute("aria-describedby", described.join(" "));
      else control.removeAttribute("aria-describedby");
      control.classList.toggle("is-invalid", Boolean(message));
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    });
    if (!message) return;
    const feedback = document.createElement("div");
    feedback.id = errorId;
    feedback.className = "invalid-feedback d-block";
    feedback.textContent = message;
    const help = document.getElementById(`${id}_helptext`);
    if (help && wrapper.contains(help)) help.before(feedback);
    else wrapper.append(feedback);
  };
  document.addEventListener("htmx:afterSwap", (event) => {
    const list = event.detail.target.querySelector("template[data-field-errors]");
    const form = list && list.closest("form");
    if (!form) return;
    const errors = new Map([...list.content.querySelectorAll("[data-for]")].map((p) => [p.dataset.for, p.textContent]));
    form.querySelectorAll("[id^='div_id_']").forEach((wrapper) => {
      const id = wrapper.id.slice(4);
      mark(wrapper, id, errors.get(id));
    });
  });
})();

// Leaving the page asks first while an autosaving form holds input the server has not saved: values
// that differ from those of its last saved answer (or from the page as loaded), or a field the server
// refused (marked invalid). A form being submitted is leaving on purpose.
(() => {
  const AUTOSAVING = "form[data-hx-post][data-hx-target]";
  const IGNORED = new Set(["seen", "csrfmiddlewaretoken"]);
  const saved = new WeakMap();
  const sending = new WeakMap();
  const values = (form) => [...new FormData(form)].filter(([name]) => !IGNORED.has(name))
    .map(([name, value]) => `${name}=${value}`).join("&");
  const baseline = (root) => {
    const forms = root.matches && root.matches(AUTOSAVING) ? [root] : [...root.querySelectorAll(AUTOSAVING)];
    forms.forEach((form) => { if (!saved.has(form)) saved.set(form, values(form)); });
  };
  document.addEventListener("DOMContentLoaded", () => baseline(document));
  document.addEventListener("htmx:load", (event) => baseline(event.target));
  document.addEventListener("htmx:beforeRequest", (event) => {
    if (saved.has(event.target)) sending.set(event.target, values(event.target));
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.successful && sending.has(event.target)) saved.set(event.target, sending.get(event.target));
  });
  let submitting = null;
  document.addEventListener("submit", (event) => {
    if (!event.defaultPrevented) submitting = event.target;
  });
  const unsaved = (form) => form !== submitting && (
    (saved.has(form) && saved.get(form) !== values(form)) || form.querySelector("[aria-invalid='true']") !== null
  );
  window.addEventListener("beforeunload", (event) => {
    const warn = [...document.querySelectorAll(AUTOSAVING)].some(unsaved);
    submitting = null;
    if (warn) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();

// A submitted form's buttons are disabled until the next page, and a second submit of the same form is
// dropped, so a double click sends it once (the server also refuses a repeat of the same submission
// token). Disabled after the submit event, so the pressed button's name still goes with the form;
// enabled again when the page is shown from the back cache, or after a while if no page came (a
// download, a slow answer).
(() => {
  const sent = new Set();
  const disabled = new Set();
  const release = () => {
    disabled.forEach((button) => { button.disabled = false; });
    disabled.clear();
    sent.clear();
  };
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented) return;
    if (sent.has(form)) {
      event.preventDefault();
      return;
    }
    sent.add(form);
    const buttons = [...form.elements]
      .filter((element) => element.matches("button:not([type]), button[type='submit'], input[type='submit']"))
      .filter((button) => !button.disabled);
    setTimeout(() => buttons.forEach((button) => { button.disabled = true; disabled.add(button); }), 0);
    setTimeout(release, 10000);
  });
  window.addEventListener("pageshow", (event) => { if (event.persisted) release(); });
})();
