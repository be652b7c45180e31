// Microphone and camera in the interview room (docs/interview-room.md): the helpers both pages
// use, and the device check on the practice page. The recorder of a question page is in
// room-recorder.js. Texts come translated from the page (#room-media-text).
(function () {
  "use strict";
  const T = {};
  document.querySelectorAll("#room-media-text [data-text]").forEach((e) => {
    T[e.dataset.text] = e.textContent.trim();
  });
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
  const csrfToken = () => (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  const SLOW_KBIT = 300; // below this, a minute of video takes minutes to upload

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
  window.HireLoopMedia = { T, fill, csrfToken, el, openDevices, deviceProblem, watchLevel, levelMeter, preview };
  const check = document.getElementById("device-check");
  if (check) deviceCheck(check);
})();
