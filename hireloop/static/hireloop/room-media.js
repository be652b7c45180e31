// Microphone and camera in the interview room (docs/interview-room.md): the helpers both pages
// use, and the device check and practice recording on the practice page. The recorder of a
// question page is in room-recorder.js. Texts come translated from the page (#room-media-text).
(function () {
  "use strict";
  const T = {};
  document.querySelectorAll("#room-media-text [data-text]").forEach((e) => {
    T[e.dataset.text] = e.textContent.trim();
  });
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
  const csrfToken = () => (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  const SLOW_KBIT = 300; // below this, a minute of video takes minutes to upload
  const PRACTICE_MAX_MS = 60000; // a practice take is a minute at most: it lives in memory
  const MIME_TYPES = {
    voice: ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"],
    video: ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4;codecs=avc1,mp4a", "video/mp4"],
  };
  // The first type this browser can record for the mode ("voice" or "video"); "" for its own.
  const mimeFor = (mode) => MIME_TYPES[mode].find((t) => MediaRecorder.isTypeSupported(t)) || "";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text) node.textContent = text;
    return node;
  }

  function constraints(withVideo) {
    const video = withVideo ? { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } } : false;
    return { audio: { echoCancellation: true, noiseSuppression: true }, video };
  }

  async function openDevices(withVideo) {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.MediaRecorder) {
      throw Object.assign(new Error("unsupported"), { name: "Unsupported" });
    }
    return navigator.mediaDevices.getUserMedia(constraints(withVideo));
  }

  function deviceProblem(error) {
    const name = (error && error.name) || "";
    if (name === "NotAllowedError" || name === "SecurityError") return T.denied;
    if (name === "NotFoundError" || name === "OverconstrainedError") return T.no_device;
    if (name === "Unsupported") return T.unsupported;
    return T.failed;
  }

  // The microphone's level (RMS, 0..1) every 100 ms; returns a function that stops it.
  function watchLevel(stream, onLevel) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context || !stream.getAudioTracks().length) return () => {};
    const context = new Context();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    if (context.state === "suspended") context.resume();
    const samples = new Float32Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      onLevel(Math.sqrt(sum / samples.length));
    }, 100);
    return () => { window.clearInterval(timer); context.close(); };
  }

  function levelMeter() {
    return el("meter", { min: "0", max: "1", value: "0", class: "w-100 d-block my-2", "aria-label": T.level, "data-testid": "level-meter" });
  }

  function preview(stream) {
    const video = el("video", { muted: "", playsinline: "", autoplay: "", class: "w-100 rounded bg-dark", style: "max-height: 240px", "aria-label": T.preview, "data-testid": "camera-preview" });
    video.muted = true;
    video.srcObject = stream;
    video.play().catch(() => {});
    return video;
  }

  // A player for a recording held in this browser (a blob: address; nothing is fetched).
  function playback(blob, withVideo, label) {
    const url = URL.createObjectURL(blob);
    const player = el(withVideo ? "video" : "audio", {
      controls: "", preload: "metadata", src: url, "aria-label": label, "data-testid": "playback",
      class: withVideo ? "w-100 rounded bg-dark d-block my-2 room-playback" : "w-100 d-block my-2",
    });
    if (withVideo) player.setAttribute("playsinline", "");
    player.release = () => { player.pause(); player.removeAttribute("src"); URL.revokeObjectURL(url); player.remove(); };
    return player;
  }

  // ---- Practice recording (practice page): recorded and played back here, never sent ------------
  function practiceRecorder(root) {
    const withVideo = (root.dataset.media || "").split(",").includes("video");
    const record = el("button", { type: "button", class: "btn btn-outline-danger", "data-testid": "practice-record" }, "● " + T.practice_record);
    const stop = el("button", { type: "button", class: "btn btn-outline-secondary", "data-testid": "practice-stop" }, "■ " + T.stop);
    const bar = el("div", { class: "d-flex flex-wrap align-items-center gap-2 mb-2" });
    const status = el("p", { class: "small mb-1", role: "status", "aria-live": "polite", "data-testid": "practice-status" });
    stop.hidden = true;
    bar.append(record, stop);
    root.append(bar, status);
    let recorder = null;
    let player = null;
    let limit = null;
    const discard = () => { if (player) player.release(); player = null; };
    record.addEventListener("click", async () => {
      discard();
      record.disabled = true;
      status.textContent = T.asking;
      let stream = null;
      try {
        stream = await openDevices(withVideo);
        const mime = mimeFor(withVideo ? "video" : "voice");
        const rec = new MediaRecorder(stream, mime ? { mimeType: mime } : {});
        const parts = [];
        const view = withVideo ? preview(stream) : null;
        if (view) bar.after(view);
        rec.ondataavailable = (event) => { if (event.data && event.data.size) parts.push(event.data); };
        rec.onstop = () => {
          window.clearTimeout(limit);
          stream.getTracks().forEach((t) => t.stop());
          if (view) view.remove();
          player = playback(new Blob(parts, { type: rec.mimeType || mime }), withVideo, T.practice_playback);
          bar.after(player);
          recorder = null;
          record.textContent = "● " + T.practice_again;
          record.hidden = false;
          record.disabled = false;
          stop.hidden = true;
          status.textContent = T.practice_recorded;
          root.dataset.state = "recorded";
        };
        rec.start(1000);
        recorder = rec;
        limit = window.setTimeout(() => { if (rec.state !== "inactive") rec.stop(); }, PRACTICE_MAX_MS);
        record.hidden = true;
        stop.hidden = false;
        stop.focus();
        status.textContent = T.recording;
        root.dataset.state = "recording";
      } catch (error) {
        if (stream) stream.getTracks().forEach((t) => t.stop());
        record.disabled = false;
        status.textContent = deviceProblem(error);
        root.dataset.state = "failed";
      }
    });
    stop.addEventListener("click", () => { if (recorder && recorder.state !== "inactive") recorder.stop(); });
    // Leaving the page discards the practice take: it was only ever in this page's memory.
    window.addEventListener("pagehide", () => {
      if (recorder && recorder.state !== "inactive") recorder.stop();
      discard();
    });
  }

  // ---- Device check (practice page) ---------------------------------------------------------
  function deviceCheck(root) {
    const withVideo = (root.dataset.media || "").split(",").includes("video");
    const button = el("button", { type: "button", class: "btn btn-outline-primary mb-2", "data-testid": "device-check-start" }, withVideo ? T.check_video : T.check_audio);
    const status = el("p", { class: "small mb-1", role: "status", "aria-live": "polite", "data-testid": "device-status" });
    const speed = el("p", { class: "small text-muted mb-0", "aria-live": "polite", "data-testid": "bandwidth" });
    root.append(button, status, speed);
    let stopAll = () => {};
    button.addEventListener("click", async () => {
      stopAll();
      button.disabled = true;
      status.textContent = T.asking;
      try {
        const stream = await openDevices(withVideo);
        const meter = levelMeter();
        const parts = withVideo ? [meter, preview(stream)] : [meter];
        root.querySelectorAll("meter, video").forEach((n) => n.remove());
        status.before(...parts);
        const stopLevel = watchLevel(stream, (rms) => { meter.value = Math.min(1, rms * 5); });
        stopAll = () => { stopLevel(); stream.getTracks().forEach((t) => t.stop()); };
        status.textContent = withVideo ? T.ok_video : T.ok_audio;
        root.dataset.state = "ok";
      } catch (error) {
        status.textContent = deviceProblem(error);
        root.dataset.state = "failed";
      }
      button.disabled = false;
      await measureUpload(root.dataset.pingUrl, speed);
    });
    window.addEventListener("pagehide", () => stopAll());
  }

  async function measureUpload(url, out) {
    out.textContent = T.speed_testing;
    const body = new Uint8Array(256 * 1024);
    try {
      const started = performance.now();
      const response = await fetch(url, { method: "POST", body, credentials: "same-origin", headers: { "Content-Type": "application/octet-stream", "X-CSRFToken": csrfToken() } });
      if (!response.ok) throw new Error(String(response.status));
      await response.json();
      const seconds = Math.max((performance.now() - started) / 1000, 0.001);
      const kbit = Math.round((body.length * 8) / 1000 / seconds);
      out.textContent = fill(T.speed, { kbit }) + (kbit < SLOW_KBIT ? " " + T.speed_slow : "");
      out.dataset.kbit = String(kbit);
    } catch (error) {
      out.textContent = T.speed_failed;
    }
  }

  // What room-recorder.js uses.
  window.HireLoopMedia = { T, fill, csrfToken, el, openDevices, deviceProblem, watchLevel, levelMeter, preview, playback, mimeFor, MIME_TYPES };
  const check = document.getElementById("device-check");
  if (check) deviceCheck(check);
  const practice = document.getElementById("practice-recorder");
  if (practice) practiceRecorder(practice);
})();
