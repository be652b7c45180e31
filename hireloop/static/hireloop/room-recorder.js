// The recorder of a voice or video question (docs/interview-room.md): records with
// MediaRecorder, uploads each chunk as it is recorded, keeps the chunks not yet acknowledged
// in IndexedDB, and resumes after a dropped connection or a reload. The server decides what
// may be recorded; the answer form is sent only once the recording is complete there.
(function () {
  "use strict";
  if (!window.HireLoopMedia) return;
  const { T, fill, csrfToken, el, openDevices, deviceProblem, watchLevel, levelMeter, preview, playback, mimeFor, MIME_TYPES } = window.HireLoopMedia;
  // Speech into a phone or laptop microphone is roughly -30 to -10 dBFS RMS; a quiet room with
  // the browser's noise suppression stays below -50 dBFS (measured in Chromium, whose fake
  // microphone beeps at about -32 dBFS). 0.01 (-40 dBFS) counts as "the candidate speaks".
  const SPEAKING_RMS = 0.01;
  const sleep = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));
  const TIMESLICE_MS = 2000; // one chunk about every 2 s: little is lost when a request fails
  const REQUEST_TIMEOUT_MS = 30000;
  const MAX_BACKOFF_MS = 15000;

  // ---- Chunks not yet acknowledged, kept in IndexedDB so a reload does not lose them ---------
  const store = (function () {
    let opened = null;
    function open() {
      if (!window.indexedDB) return Promise.reject(new Error("no IndexedDB"));
      opened = opened || new Promise((resolve, reject) => {
        const request = window.indexedDB.open("hireloop-recordings", 1);
        request.onupgradeneeded = () => {
          request.result.createObjectStore("takes", { keyPath: "key" });
          request.result.createObjectStore("chunks", { keyPath: ["key", "take", "seq"] });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return opened;
    }
    async function run(name, mode, work) {
      const db = await open();
      return new Promise((resolve, reject) => {
        const tx = db.transaction(name, mode);
        const request = work(tx.objectStore(name));
        tx.oncomplete = () => resolve(request && request.result);
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    }
    // Private browsing or a full disk: recording still works, only without reload safety.
    const quietly = (promise) => promise.catch(() => undefined);
    const everyTake = (key) => IDBKeyRange.bound([key], [key, []]);
    return {
      takes: () => quietly(run("takes", "readonly", (s) => s.getAll())),
      take: (key) => quietly(run("takes", "readonly", (s) => s.get(key))),
      saveTake: (take) => quietly(run("takes", "readwrite", (s) => s.put(take))),
      chunks: (key, take) => quietly(run("chunks", "readonly", (s) => s.getAll(IDBKeyRange.bound([key, take, 0], [key, take, Number.MAX_SAFE_INTEGER])))),
      saveChunk: (key, take, seq, blob) => quietly(run("chunks", "readwrite", (s) => s.put({ key, take, seq, blob }))),
      dropChunk: (key, take, seq) => quietly(run("chunks", "readwrite", (s) => s.delete([key, take, seq]))),
      forget: (key) => quietly(Promise.all([run("takes", "readwrite", (s) => s.delete(key)), run("chunks", "readwrite", (s) => s.delete(everyTake(key)))])),
    };
  })();

  // ---- Recorder and uploader (question page) -----------------------------------------------
  function recorder(root) {
    const mode = root.dataset.mode;
    const url = root.dataset.uploadUrl;
    const key = new URL(url, window.location.href).pathname;
    const form = root.closest("form");
    const submitButton = form && form.querySelector("button[type=submit]");
    const buttons = {
      record: el("button", { type: "button", class: "btn btn-danger", "data-testid": "record" }, "● " + T.record),
      stop: el("button", { type: "button", class: "btn btn-outline-secondary", "data-testid": "stop" }, "■ " + T.stop),
      rerecord: el("button", { type: "button", class: "btn btn-outline-secondary", "data-testid": "rerecord" }, T.rerecord),
    };
    const clock = el("span", { class: "ms-auto fw-semibold font-monospace", role: "timer", "aria-label": T.timer, "data-testid": "record-timer" }, "0:00");
    const bar = el("div", { class: "d-flex flex-wrap align-items-center gap-2" });
    bar.append(buttons.record, buttons.stop, buttons.rerecord, clock);
    const meter = levelMeter();
    const status = el("p", { class: "small mb-0", role: "status", "aria-live": "polite", "data-testid": "recorder-status" }, T.ready);
    root.append(bar, meter, status);

    // One take = one attempt; chunks queue up in order and leave the queue when acknowledged.
    let take = null; // {id, mime, count, bytes, finished, duration}
    let takeBlobs = []; // every chunk of the take recorded on this page, for its playback
    let review = null; // the player of the finished take, before it is sent
    let queue = [];
    let acked = { next_seq: 0, bytes: 0, complete: false };
    let media = null; // {recorder, stream, stopLevel, timer, preview, started}
    let starting = false; // asking for the devices: a second click must not start twice
    let pumping = false;
    let unreachable = false; // the last request failed on the network
    let notice = ""; // said before the status until the next take (e.g. "maximum length")
    let fatal = false;
    let submitting = false;
    let releaseSubmit = false;
    let wake = () => {};

    function show(state, text) {
      root.dataset.state = state;
      if (text) status.textContent = text;
      root.dataset.chunks = String(take ? take.count : 0);
      root.dataset.acked = String(acked.next_seq);
      root.dataset.bytes = String(take ? take.bytes : 0);
      root.dataset.unreachable = String(unreachable);
      buttons.record.hidden = Boolean(take) || state === "recording";
      buttons.stop.hidden = state !== "recording";
      buttons.rerecord.hidden = !take || state === "recording";
      buttons.rerecord.disabled = submitting;
    }

    function progress() {
      if (fatal || !take) return;
      const state = media ? "recording" : acked.complete && !queue.length ? "saved" : "uploading";
      let text = T.saved;
      if (state !== "saved") {
        if (unreachable) text = T.offline;
        else if (media) text = T.recording;
        else text = fill(T.uploading, { done: acked.next_seq, total: take.count });
        if (submitting) text = T.sending + " " + text;
      }
      show(state, notice ? notice + " " + text : text);
    }

    function showTime(seconds) {
      clock.hidden = seconds === null;
      const s = Math.floor(seconds || 0);
      clock.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    }

    async function start() {
      if (media || starting) return;
      starting = true;
      let stream = null;
      try {
        stream = await openDevices(mode === "video");
        const mime = mimeFor(mode);
        const options = { audioBitsPerSecond: 64000, ...(mode === "video" ? { videoBitsPerSecond: 800000 } : {}) };
        const rec = new MediaRecorder(stream, mime ? { ...options, mimeType: mime } : options);
        await store.forget(key); // a new take replaces whatever this question had kept
        begin(stream, rec, mime);
      } catch (error) {
        if (stream) stream.getTracks().forEach((t) => t.stop());
        show("failed", deviceProblem(error));
      } finally {
        starting = false;
      }
    }

    // The finished take, played from this browser's memory before the answer is sent: the
    // server never sends a recording back to the candidate's link.
    function showPlayback(current) {
      dropPlayback();
      const blobs = takeBlobs.slice(0, current.count);
      if (!blobs.length || blobs.length !== current.count) return; // chunks from before a reload
      const player = playback(new Blob(blobs, { type: current.mime || blobs[0].type }), mode === "video", mode === "video" ? T.playback_video : T.playback_audio);
      review = el("div", { class: "take-playback", "data-testid": "take-playback" });
      review.append(el("p", { class: "small mb-0 mt-2" }, mode === "video" ? T.playback_video : T.playback_audio), player);
      bar.after(review);
    }

    function dropPlayback() {
      if (!review) return;
      review.querySelector("[data-testid=playback]").release();
      review.remove();
      review = null;
    }

    function begin(stream, rec, mime) {
      dropPlayback();
      takeBlobs = [];
      take = { key, id: newId(), mime: (rec.mimeType || mime).replace(/[\s"]/g, ""), count: 0, bytes: 0, finished: false, duration: null };
      queue = [];
      acked = { next_seq: 0, bytes: 0, complete: false };
      fatal = false;
      notice = "";
      store.saveTake(take);
      let lastActivity = 0;
      const stopLevel = watchLevel(stream, (rms) => {
        meter.value = Math.min(1, rms * 5);
        // Speaking counts as activity, so room.js's "take your time" note waits for silence.
        if (rms > SPEAKING_RMS && Date.now() - lastActivity > 500) {
          lastActivity = Date.now();
          document.dispatchEvent(new CustomEvent("hireloop:activity"));
        }
      });
      const view = mode === "video" ? preview(stream) : null;
      if (view) bar.after(view);
      media = { recorder: rec, stream, stopLevel, preview: view, started: Date.now(), timer: null };
      media.timer = window.setInterval(() => showTime((Date.now() - media.started) / 1000), 500);
      showTime(0);
      const current = take;
      rec.ondataavailable = (event) => { if (event.data && event.data.size) enqueue(current, event.data); };
      rec.onstop = () => finishTake(current);
      rec.start(TIMESLICE_MS);
      show("recording", T.recording);
      buttons.stop.focus();
    }

    function stopDevices() {
      if (!media) return;
      window.clearInterval(media.timer);
      media.stopLevel();
      media.stream.getTracks().forEach((t) => t.stop());
      if (media.preview) media.preview.remove();
      meter.value = 0;
    }

    function stop() {
      if (media && media.recorder.state !== "inactive") media.recorder.stop();
    }

    function finishTake(current) {
      if (media) current.duration = (Date.now() - media.started) / 1000;
      stopDevices();
      media = null;
      current.finished = true;
      store.saveTake(current);
      if (!fatal) showPlayback(current);
      progress();
      pump();
      buttons.rerecord.focus();
    }

    function enqueue(current, blob) {
      if (current !== take) return; // a chunk of a discarded take
      const item = { seq: current.count, blob };
      takeBlobs.push(blob);
      current.count += 1;
      current.bytes += blob.size;
      queue.push(item);
      store.saveChunk(key, current.id, item.seq, blob);
      store.saveTake(current);
      progress();
      pump();
    }

    async function send(query, body, contentType) {
      const controller = new AbortController();
      const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
      try {
        const headers = { "X-CSRFToken": csrfToken() };
        if (contentType) headers["Content-Type"] = contentType;
        const response = await fetch(url + "?" + new URLSearchParams(query), { method: body === undefined ? "GET" : "POST", body, headers, credentials: "same-origin", signal: controller.signal });
        const data = await response.json().catch(() => ({}));
        return { status: response.status, data };
      } finally {
        window.clearTimeout(timer);
      }
    }

    // Sends the queue in order, then "complete"; retries with exponential back-off, and at once
    // when the browser says it is online again. Only the server's answer removes a chunk.
    async function pump() {
      if (pumping) return;
      pumping = true;
      let failures = 0;
      while (take && !fatal && (queue.length || (take.finished && !acked.complete))) {
        const current = take;
        const item = queue[0];
        let reply;
        try {
          reply = item
            ? await send({ take: current.id, seq: item.seq }, item.blob, current.mime)
            : await send({ take: current.id, complete: 1, chunks: acked.next_seq, bytes: acked.bytes, duration: current.duration || "" }, "");
        } catch (error) {
          reply = { status: 0, data: {} };
        }
        if (current !== take) continue; // re-recorded meanwhile: the old take's reply is moot
        unreachable = reply.status === 0;
        if (reply.status === 200 || (reply.status === 409 && reply.data.error === "out_of_order")) {
          failures = 0;
          accept(reply.data);
        } else if (reply.status === 0 || reply.status >= 500 || reply.status === 429) {
          failures += 1;
          progress();
          await backOff(failures);
        } else if (reply.status === 413) {
          tooLarge(reply.data);
        } else {
          refuse(reply.data.message || "");
        }
        progress();
      }
      pumping = false;
      if (acked.complete) store.forget(key);
      progress();
      if (submitting) submitWhenSaved();
    }

    function accept(state) {
      acked = { next_seq: state.next_seq, bytes: state.bytes, complete: Boolean(state.complete) };
      while (queue.length && queue[0].seq < acked.next_seq) {
        store.dropChunk(key, take.id, queue.shift().seq);
      }
      if (queue.length && queue[0].seq > acked.next_seq) refuse(""); // a gap nothing can fill
    }

    function tooLarge(state) {
      // What arrived stays: the rest is dropped and the take is completed as it stands.
      stop();
      acked = { next_seq: state.next_seq, bytes: state.bytes, complete: false };
      queue = [];
      take.finished = true;
      take.count = acked.next_seq;
      take.bytes = acked.bytes;
      if (review) showPlayback(take); // only what was saved
      notice = T.too_long;
    }

    function refuse(message) {
      fatal = true;
      stop();
      dropPlayback();
      queue = [];
      store.forget(key);
      show("failed", fill(T.refused, { message }));
      if (submitting) releaseAndSubmit();
    }

    async function backOff(failures) {
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures) * (0.75 + Math.random() / 2);
      await Promise.race([sleep(delay), new Promise((resolve) => { wake = resolve; })]);
    }

    async function resume() {
      // After a reload: what the server has, and what this browser still keeps.
      let reply = null;
      for (let failures = 1; !reply; failures += 1) {
        try {
          const answer = await send({});
          if (answer.status === 200) reply = answer.data;
          else return;
        } catch (error) {
          await backOff(failures);
        }
      }
      const kept = await store.take(key);
      if (take || media || starting) return; // the candidate pressed Record meanwhile
      if (kept && (kept.id === reply.take || (!reply.take && kept.count))) {
        const chunks = (await store.chunks(key, kept.id)) || [];
        take = { ...kept, finished: true };
        showTime(kept.duration);
        acked = { next_seq: reply.take ? reply.next_seq : 0, bytes: reply.take ? reply.bytes : 0, complete: reply.complete };
        queue = chunks.filter((c) => c.seq >= acked.next_seq).map((c) => ({ seq: c.seq, blob: c.blob }));
        take.count = acked.next_seq + queue.length;
        take.bytes = acked.bytes + queue.reduce((sum, c) => sum + c.blob.size, 0);
        if (!acked.next_seq) { takeBlobs = queue.map((c) => c.blob); showPlayback(take); } // all still here
        show("uploading", T.resuming);
        pump();
      } else if (reply.take && reply.next_seq) {
        // Saved earlier (or by a page that is gone): keep it; it is completed as it stands.
        take = { key, id: reply.take, mime: "", count: reply.next_seq, bytes: reply.bytes, finished: true, duration: null };
        showTime(null); // not known here
        acked = { next_seq: reply.next_seq, bytes: reply.bytes, complete: reply.complete };
        progress();
        if (!reply.complete) pump();
      }
      // Chunks kept for this interview's earlier questions are of no use any more.
      const prefix = key.replace(/\d+\/$/, "");
      ((await store.takes()) || []).forEach((t) => { if (t.key !== key && t.key.startsWith(prefix)) store.forget(t.key); });
    }

    // The answer is sent only when the recording is complete on the server.
    const saved = () => !media && (!take || fatal || (acked.complete && !queue.length));

    function submitWhenSaved() {
      if (media) return; // still stopping: the recorder's stop event continues from here
      if (saved()) { releaseAndSubmit(); return; }
      if (submitButton) submitButton.disabled = true;
      progress();
      if (!pumping) pump();
    }

    function releaseAndSubmit() {
      releaseSubmit = true;
      if (submitButton) submitButton.disabled = false;
      // Not from inside a submit event: a form ignores a submit asked for while it fires one.
      window.setTimeout(() => (form.requestSubmit ? form.requestSubmit() : form.submit()), 0);
    }

    buttons.record.addEventListener("click", start);
    buttons.stop.addEventListener("click", stop);
    buttons.rerecord.addEventListener("click", () => { take = null; queue = []; dropPlayback(); start(); });
    window.addEventListener("online", () => { wake(); pump(); });
    window.addEventListener("offline", progress);
    if (form) {
      // Capturing on the document runs before room.js's listener on the form.
      document.addEventListener("submit", (event) => {
        if (event.target !== form || releaseSubmit || (!submitting && saved())) return;
        event.preventDefault();
        if (submitting) return;
        submitting = true;
        if (media) stop(); // sending stops the recording; the last chunk follows
        else submitWhenSaved();
      }, true);
      // room.js announces the end of the answer time; the recording is saved, then sent.
      document.addEventListener("hireloop:timeup", (event) => {
        if ((!take && !media) || fatal) return;
        event.preventDefault();
        show(root.dataset.state, T.timeup);
        form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
      });
    }
    show("idle");
    resume();
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  const root = document.getElementById("media-recorder");
  if (root && root.dataset.mode in MIME_TYPES) recorder(root);
})();
