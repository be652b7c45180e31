// The interview room's pacing: pause between questions, preparation and answer clocks,
// reassurance when the candidate stalls, and a local draft so typed text survives a dropped
// connection or a closed tab. The server keeps the real clock; this only shows it.
(function () {
  "use strict";
  const room = document.getElementById("room") || document.querySelector("[data-draft-key]");
  if (!room) return;
  const form = document.getElementById("answer-form") || room.closest("form") || room;
  const text = document.getElementById("id_text");
  const draftKey = "hireloop-draft-" + room.dataset.draftKey;

  // Drafts: restored on load, saved on every keystroke, removed once the answer is sent.
  if (text) {
    const saved = window.localStorage.getItem(draftKey);
    if (saved && !text.value) text.value = saved;
    text.addEventListener("input", () => window.localStorage.setItem(draftKey, text.value));
    // Not when room-media.js holds the submit back until the recording is uploaded.
    (text.form || form).addEventListener("submit", (event) => {
      if (!event.defaultPrevented) window.localStorage.removeItem(draftKey);
    });
  }

  // The answer's length against its limit, counted as the server counts it: characters (code
  // points, not UTF-16 units), with each line break sent as two (a form sends CR LF).
  document.querySelectorAll("[data-char-count]").forEach((note) => {
    const field = document.getElementById(note.dataset.for);
    const limit = parseInt(note.dataset.limit || "0", 10);
    if (!field || !limit) return;
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => number.format(values[k]));
    let wasOver = false;
    const show = () => {
      const count = [...field.value.replace(/\r?\n/g, "\r\n")].length;
      const over = count - limit;
      note.textContent = over > 0
        ? fill(note.dataset.overText, { over, limit })
        : fill(note.dataset.countText, { count, limit });
      note.classList.toggle("text-danger", over > 0);
      note.classList.toggle("fw-semibold", over > 0);
      note.classList.toggle("text-muted", over <= 0);
      note.dataset.over = String(over > 0);
      // Said aloud when it goes over the limit, not at every key.
      if (over > 0 && !wasOver) note.setAttribute("role", "alert");
      if (over <= 0) note.removeAttribute("role");
      wasOver = over > 0;
    };
    field.addEventListener("input", show);
    show();
  });

  function countdown(seconds, tick, done) {
    let left = seconds;
    tick(left);
    if (left <= 0) { done(); return () => {}; }
    const timer = window.setInterval(() => {
      left -= 1;
      tick(left);
      if (left <= 0) { window.clearInterval(timer); done(); }
    }, 1000);
    return () => window.clearInterval(timer);
  }

  const pause = document.getElementById("pause");
  const reveal = (stop) => () => {
    if (stop) stop();
    if (pause) pause.hidden = true;
    form.hidden = false;
    startPrep();
  };
  const pauseLeft = parseInt(room.dataset.pauseLeft || "0", 10);
  if (pause && pauseLeft > 0) {
    let stop = null;
    stop = countdown(pauseLeft, (s) => { document.getElementById("pause-left").textContent = s; },
      () => reveal(null)());
    document.getElementById("skip-pause").addEventListener("click", reveal(stop));
  } else {
    startPrep();
  }

  function startPrep() {
    const prep = document.getElementById("prep");
    const prepLeft = parseInt(room.dataset.prepLeft || "0", 10);
    if (!prep || prepLeft <= 0) { startAnswer(); return; }
    if (text) text.disabled = true;
    const finish = (stop) => () => {
      if (stop) stop();
      prep.hidden = true;
      if (text) { text.disabled = false; text.focus(); }
      startAnswer();
    };
    const stop = countdown(prepLeft, (s) => { document.getElementById("prep-left").textContent = s; },
      () => finish(null)());
    document.getElementById("skip-prep").addEventListener("click", finish(stop));
  }

  function startAnswer() {
    const label = document.getElementById("answer-left");
    const answerLeft = parseInt(room.dataset.answerLeft || "", 10);
    if (label && !Number.isNaN(answerLeft)) {
      countdown(answerLeft, (s) => { label.textContent = Math.max(0, s); }, () => {
        // Time is up. A recorder (room-media.js) cancels this event and sends the answer
        // itself once the recording is saved; otherwise send what is there (an empty answer
        // is kept as "no answer given").
        const timeUp = new CustomEvent("hireloop:timeup", { cancelable: true });
        if (!document.dispatchEvent(timeUp)) return;
        if (text && !text.value.trim()) text.value = "—";
        if (text) text.required = false;
        form.requestSubmit ? form.requestSubmit() : form.submit();
      });
    }
    watchForStalls();
  }

  // Reassurance: no typing (or, while recording, no sound; room-media.js dispatches
  // "hireloop:activity") for N seconds shows a calm note; activity hides it again.
  function watchForStalls() {
    const note = document.getElementById("stall");
    const seconds = parseInt(room.dataset.stallSeconds || "0", 10);
    if (!note || !seconds) return;
    let timer = null;
    const reset = () => {
      note.hidden = true;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => { note.hidden = false; }, seconds * 1000);
    };
    if (text) text.addEventListener("input", reset);
    document.addEventListener("hireloop:activity", reset);
    reset();
  }
})();
