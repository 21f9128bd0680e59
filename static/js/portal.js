// Small behaviours shared by every page. Loaded as a file so the CSP needs no 'unsafe-inline'.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
