// The coding question's editor: CodeMirror 5 (vendored, no build step) on the answer's
// textarea, with the language the candidate picks. The code is sent as the answer text; the
// server runs it against the hidden tests in its sandbox. "Run the examples" (htmx, see
// _code_run.html) sends the same form to run the task's examples first.
(function () {
  "use strict";
  const area = document.getElementById("id_text");
  const picker = document.getElementById("code-language");
  const startersNode = document.getElementById("code-starters");
  if (!area || !picker || !window.CodeMirror) return;
  const starters = startersNode ? JSON.parse(startersNode.textContent) : {};
  const modes = { python: "python", javascript: "javascript" };
  if (!area.value.trim()) area.value = starters[picker.value] || "";
  const editor = window.CodeMirror.fromTextArea(area, {
    mode: modes[picker.value],
    lineNumbers: true,
    indentUnit: 4,
    tabSize: 4,
    indentWithTabs: false,
    viewportMargin: Infinity,
    // A long line wraps instead of running off a phone's screen (a wrapped line keeps one
    // line number, so the numbers still match the ones in error messages).
    lineWrapping: true,
    screenReaderLabel: area.getAttribute("aria-label") || "",
    extraKeys: { Tab: (cm) => cm.replaceSelection("    "), "Shift-Tab": "indentLess", Esc: (cm) => cm.getInputField().blur() },
  });
  editor.on("change", () => {
    editor.save();
    document.dispatchEvent(new CustomEvent("hireloop:activity"));
    area.dispatchEvent(new Event("input")); // room.js keeps a local draft of the answer
  });
  let previous = picker.value;
  picker.addEventListener("change", () => {
    // Swap the starter code only if the candidate has not changed it yet.
    if (!editor.getValue().trim() || editor.getValue() === (starters[previous] || "")) {
      editor.setValue(starters[picker.value] || "");
    }
    editor.setOption("mode", modes[picker.value]);
    previous = picker.value;
  });
  // The form may be hidden while the editor starts (the pause between questions), when
  // CodeMirror measures nothing: the gutter then covers the first characters and wrapped
  // lines start under it. Measured again whenever its size changes, shown at last included.
  if (window.ResizeObserver) {
    new window.ResizeObserver(() => editor.refresh()).observe(editor.getWrapperElement());
  }
  area.dispatchEvent(new Event("input")); // the length counter starts from the starter code
  // htmx sends the textarea, which the editor keeps up to date on every change.
  const run = document.getElementById("run-examples");
  if (run) run.hidden = false;
  window.hireloopEditor = editor; // for tests and for room.js's time-up submit
})();
