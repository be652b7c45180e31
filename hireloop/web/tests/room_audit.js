// WCAG 2.1 AA checks of the page as it is shown, run by test_browser_contrast.py.
// audit() → {texts, controls}: every visible element with its own text, its colour, the
// colour behind it and their contrast ratio (1.4.3); every form control's accessible name
// (4.1.2) and broken aria id references. focusRing() → the focused control's indicator
// (2.4.7, and 3:1 against what surrounds it, 1.4.11).
(() => {
  // Colours are read at once after a focus or a reload: no transition may be half-way.
  document.addEventListener("DOMContentLoaded", () => {
    const still = document.createElement("style");
    still.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
    document.head.append(still);
  });
  const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  // Any CSS colour → [r, g, b, a] in sRGB 0–255, alpha 0–1 (the browser parses it).
  function rgba(colour) {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = "rgba(0, 0, 0, 0)";
    canvas.fillStyle = colour;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  }
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const mix = (amount, a, b) => [0, 1, 2].map((i) => a[i] * amount + b[i] * (1 - amount)).concat(1);
  const luminance = ([r, g, b]) => {
    const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  const brightness = (style) => {
    const m = style.filter.match(/brightness\(([\d.]+)\)/);
    return m ? Number(m[1]) : 1;
  };

  // What is seen at a point of ``node`` with ``top`` painted there (the text's colour, or
  // nothing for the background): the ancestors' backgrounds from the page down, each
  // ancestor's opacity (and brightness filter) applied to what it paints over its backdrop.
  function seen(node, top) {
    const chain = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) chain.push(n);
    function paint(i, under) {
      const style = getComputedStyle(chain[i]);
      let colour = over(rgba(style.backgroundColor), under);
      colour = i === 0 ? (top ? over(top, colour) : colour) : paint(i - 1, colour);
      const b = brightness(style);
      if (b !== 1) colour = colour.map((v, k) => (k < 3 ? Math.min(255, v * b) : v));
      return mix(Number(style.opacity), colour, under);
    }
    return paint(chain.length - 1, [255, 255, 255, 1]);
  }
  // A positioned element painted between the text and its ancestors (CodeMirror's gutter
  // behind its line numbers) is what the text is seen against, not the ancestor.
  function backdropOf(el) {
    const box = el.getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 4), y = box.top + box.height / 2;
    for (const below of document.elementsFromPoint(x, y)) {
      if (below === el || el.contains(below)) continue;
      if (below.contains(el)) break;
      if (rgba(getComputedStyle(below).backgroundColor)[3] > 0) return below;
    }
    return null;
  }

  function describe(el) {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).slice(0, 3).join(".") : "";
    const test = el.dataset && el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : "";
    return el.tagName.toLowerCase() + id + test + cls;
  }
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
  const ownText = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();

  function textContrast(el, state) {
    const style = getComputedStyle(el);
    const field = ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
    let text = field ? (el.tagName === "SELECT" ? el.selectedOptions[0]?.text || "" : el.value) : ownText(el);
    let colour = style.color;
    if (field && !text && el.placeholder) {
      text = el.placeholder;
      colour = getComputedStyle(el, "::placeholder").color;
      state = state + " placeholder";
    }
    if (!text.trim() || (field && el.type === "hidden")) return null;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) return null; // visually hidden: for screen readers
    el.scrollIntoView({ block: "center", inline: "nearest" });
    const behind = backdropOf(el);
    const back = seen(behind || el, null);
    const fore = seen(el, rgba(colour));
    const size = parseFloat(style.fontSize), weight = Number(style.fontWeight) || 400;
    const large = size >= 24 || (size >= 18.66 && weight >= 700);
    const value = ratio(fore, back);
    return {
      state, where: describe(el), text: text.trim().slice(0, 60), fg: hex(fore), bg: hex(back),
      ratio: Math.round(value * 100) / 100, need: large ? 3 : 4.5, size, weight,
      disabled: !!el.closest(":disabled"),
    };
  }

  function accessibleName(el) {
    const byIds = (attr) => (el.getAttribute(attr) || "").split(/\s+/).filter(Boolean);
    const named = byIds("aria-labelledby").map((id) => document.getElementById(id)?.textContent.trim() || "").join(" ").trim();
    if (named) return named;
    if ((el.getAttribute("aria-label") || "").trim()) return el.getAttribute("aria-label").trim();
    const labels = [...(el.labels || [])].map((l) => l.textContent.trim()).join(" ").trim();
    if (labels) return labels;
    if (el.tagName === "BUTTON" || ["submit", "button"].includes(el.type)) return (el.textContent || el.value || "").trim();
    return (el.getAttribute("title") || "").trim();
  }

  window.roomAudit = {
    audit() {
      const texts = [];
      for (const el of document.body.querySelectorAll("*")) {
        if (["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION"].includes(el.tagName) || !rendered(el)) continue;
        const found = textContrast(el, "static");
        if (found) texts.push(found);
      }
      const controls = [];
      for (const el of document.querySelectorAll("input, select, textarea, button, [contenteditable=true]")) {
        if (el.type === "hidden" || !el.getClientRects().length) continue;
        const broken = ["aria-labelledby", "aria-describedby"].flatMap((attr) =>
          (el.getAttribute(attr) || "").split(/\s+/).filter((id) => id && !document.getElementById(id)));
        controls.push({ where: describe(el), name: accessibleName(el), broken });
      }
      window.scrollTo(0, 0);
      return { texts, controls };
    },
    textOf(selector, state) {
      const el = document.querySelector(selector);
      return el && rendered(el) ? textContrast(el, state) : null;
    },
    focusRing() {
      let el = document.activeElement;
      if (!el || el === document.body) return null;
      const editor = el.closest(".CodeMirror");
      const target = editor || el;
      const style = getComputedStyle(target);
      const around = seen(target.parentElement, null);
      const rings = [];
      if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) rings.push(style.outlineColor);
      if (style.boxShadow !== "none") rings.push(...(style.boxShadow.match(/rgba?\([^)]*\)|#[0-9a-f]{3,8}/gi) || []));
      const best = Math.max(0, ...rings.map((c) => ratio(over(rgba(c), around), around)));
      return {
        where: describe(target), inEditor: !!editor, focusVisible: el.matches(":focus-visible"),
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, boxShadow: style.boxShadow,
        ratio: Math.round(best * 100) / 100, text: textContrast(target, "focus"),
      };
    },
  };
})();
