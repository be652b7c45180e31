// The report's PDF is drawn by the background worker: while it is coming, ask the server how
// far it is (a small JSON status), move the progress bar, and offer the download once it is
// ready. A static file: the Content-Security-Policy allows no inline script.
document.querySelectorAll("[data-pdf-status-url]").forEach(box => {
  const part = name => box.querySelector(`[data-pdf-part="${name}"]`);
  const bar = box.querySelector("[data-pdf-bar]");
  const label = box.querySelector("[data-pdf-label]");
  const coming = status => status === "queued" || status === "rendering";

  function show(state) {
    box.dataset.pdfStatus = state.status;
    part("start").hidden = coming(state.status) || state.status === "ready";
    part("failed").hidden = state.status !== "failed";
    part("progress").hidden = !coming(state.status);
    part("ready").hidden = state.status !== "ready";
    bar.style.width = `${Math.max(state.percent, 5)}%`; // a sliver while it waits: it is coming
    bar.parentElement.setAttribute("aria-valuenow", String(state.percent));
    if (state.label) label.textContent = state.label;
  }

  function poll() {
    fetch(box.dataset.pdfStatusUrl, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(response => response.ok ? response.json() : Promise.reject(response.status))
      .then(state => {
        show(state);
        if (coming(state.status)) setTimeout(poll, 800);
      })
      .catch(() => setTimeout(poll, 4000)); // offline for a moment: keep asking, more slowly
  }

  // Asking for the PDF keeps the reader on the report: the request is sent from here and the
  // progress shown at once. Whatever else the server answers (a drawn PDF, or a request to
  // confirm the password first) is followed as the plain link would be.
  const start = box.querySelector("[data-testid=report-pdf-link]");
  start.addEventListener("click", event => {
    event.preventDefault();
    const follow = () => { window.location.href = start.href; };
    fetch(start.href, {headers: {Accept: "application/json"}, credentials: "same-origin", redirect: "manual"})
      .then(response => {
        const isJson = (response.headers.get("Content-Type") || "").startsWith("application/json");
        if (!response.ok || !isJson) return follow();
        return response.json().then(state => {
          show(state);
          if (coming(state.status)) setTimeout(poll, 800);
        });
      })
      .catch(follow);
  });

  if (coming(box.dataset.pdfStatus)) poll();
});
