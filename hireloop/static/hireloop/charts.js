// ECharts from the data a page puts in a json_script block (no inline script: the
// Content-Security-Policy forbids it). Each chart element names its data block and kind.
//
// The report's radar places its own labels (the same rules as assessment/radar.py, which draws
// it for the PDF): names wrap onto as many lines as they need and are never cut, the radius is
// the largest at which every label fits the element's width without touching another, and the
// element grows as tall as the labels need. Fewer than three dimensions make no polygon, and a
// radar whose labels cannot fit (many long names on a phone) would be unreadable: both are
// drawn as horizontal bars instead.
(() => {
  const FONT_SIZE = 12;
  const LINE_HEIGHT = 18; // 1.5 lines: Chinese needs the leading, and its glyph boxes are 1.45 em tall
  const FONT = `${FONT_SIZE}px sans-serif`;
  const BOLD = `bold ${FONT_SIZE}px sans-serif`;
  const GAP = 10; // between the outer ring and its label
  const MARGIN = 4; // around the chart, inside the element
  const MIN_RADIUS = 56;
  const COMFORTABLE_RADIUS = 80;
  const MAX_RADIUS = 120; // on a wide screen the chart need not fill the width
  const TEXT = "#343a40";
  const AI = "#1f6feb";
  // Text is measured as the chart draws it: an SVG text in this document, so the font is the
  // one the page's language picks (a canvas would measure with another font on a Chinese page).
  const widths = new Map();
  let probe = null;

  function measure(text, font = FONT) {
    const key = `${font}|${text}`;
    if (!widths.has(key)) {
      if (probe === null) {
        const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("width", "0");
        svg.setAttribute("height", "0");
        svg.style.position = "absolute";
        svg.style.visibility = "hidden";
        probe = document.createElementNS("http://www.w3.org/2000/svg", "text");
        svg.appendChild(probe);
        document.body.appendChild(svg);
      }
      probe.style.font = font;
      probe.textContent = text;
      widths.set(key, probe.getComputedTextLength());
    }
    return widths.get(key);
  }

  // Words with their leading space; each Chinese (or other wide) character is a token of its own.
  function tokens(text) {
    return text.trim().split(/\s+/).join(" ").match(/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]| ?[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/g) || [];
  }

  function greedyWrap(text, width) {
    const lines = [];
    let current = "";
    for (const token of tokens(text)) {
      const candidate = current ? current + token : token.trimStart();
      if (measure(candidate) <= width) { current = candidate; continue; }
      if (current) lines.push(current.trimEnd());
      current = token.trimStart();
      while (measure(current) > width && current.length > 1) { // one word wider than a line
        let cut = 1;
        while (cut < current.length && measure(current.slice(0, cut + 1)) <= width) cut += 1;
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    if (current) lines.push(current.trimEnd());
    return lines.length ? lines : [""];
  }

  // Balanced: the narrowest width that needs no more lines, so no line holds one lonely word.
  function wrap(text, width) {
    let lines = greedyWrap(text, width);
    // Never narrower than the widest word: balancing must not split a word the width keeps.
    const widest = Math.min(width, Math.max(0, ...tokens(text).map(t => measure(t.trim()))));
    while (lines.length > 1 && width - FONT_SIZE / 2 >= widest) {
      const narrower = greedyWrap(text, width - FONT_SIZE / 2);
      if (narrower.length > lines.length) break;
      lines = narrower;
      width -= FONT_SIZE / 2;
    }
    return lines;
  }

  function place(labels, radius) {
    const count = labels.length;
    return labels.map((label, axis) => {
      const angle = -Math.PI / 2 + 2 * Math.PI * axis / count;
      const cos = Math.cos(angle), sin = Math.sin(angle);
      const x = (radius + GAP) * cos, y = (radius + GAP) * sin;
      const align = Math.abs(cos) < 0.3 ? "center" : cos > 0 ? "left" : "right";
      const height = (label.lines.length + 1) * LINE_HEIGHT; // the name, then the score
      const top = sin < -0.3 ? y - height : sin > 0.3 ? y : y - height / 2;
      const left = align === "left" ? x : align === "right" ? x - label.width : x - label.width / 2;
      return {...label, x, top, align, box: {left, top, right: left + label.width, bottom: top + height}};
    });
  }

  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  // Narrower names take more lines but leave the rings more room beside them: the widest
  // wrap that leaves a comfortable radar wins, else the one giving the largest radar. A
  // word is never split to make a name narrower than its longest word.
  function radarLayout(data, width) {
    let best = null;
    for (let wrapWidth = Math.min(130, width * 0.3); wrapWidth >= 60; wrapWidth -= 10) {
      const layout = radarAt(data, width, wrapWidth);
      if (layout && layout.radius >= COMFORTABLE_RADIUS) return layout;
      if (layout && (!best || layout.radius > best.radius)) best = layout;
    }
    return best;
  }

  function radarAt(data, width, wrapWidth) {
    const labels = data.indicators.map((indicator, i) => {
      const longestWord = Math.max(0, ...tokens(indicator.name).map(t => measure(t.trim())));
      const lines = wrap(indicator.name, Math.max(wrapWidth, Math.min(130, longestWord)));
      const score = data.values[i].toFixed(1);
      const widest = Math.max(...lines.map(line => measure(line)), measure(score, BOLD));
      return {lines, score, width: Math.ceil(widest) + 1};
    });
    const largest = Math.min(MAX_RADIUS, Math.floor(width / 2 - MARGIN - GAP));
    for (let radius = largest; radius >= MIN_RADIUS; radius -= 4) {
      const placed = place(labels, radius);
      const fits = placed.every(l => l.box.left >= -width / 2 + MARGIN && l.box.right <= width / 2 - MARGIN);
      if (fits && !placed.some((a, i) => placed.slice(i + 1).some(b => overlap(a.box, b.box)))) {
        const top = Math.min(-radius, ...placed.map(l => l.box.top));
        const bottom = Math.max(radius, ...placed.map(l => l.box.bottom));
        return {radius, placed, top, bottom};
      }
    }
    return null;
  }

  function drawRadar(element, chart, data) {
    const width = element.clientWidth;
    const layout = radarLayout(data, width);
    if (layout === null) return false;
    const {radius, placed, top, bottom} = layout;
    const centreY = MARGIN - top;
    element.style.height = `${Math.ceil(bottom - top + 2 * MARGIN)}px`;
    chart.resize();
    const centreX = width / 2;
    const graphic = placed.flatMap(label => [
      {type: "text", x: centreX + label.x, y: centreY + label.top, silent: true,
       style: {text: label.lines.join("\n"), font: FONT, lineHeight: LINE_HEIGHT, fill: TEXT,
               align: label.align, verticalAlign: "top"}},
      {type: "text", x: centreX + label.x, y: centreY + label.top + label.lines.length * LINE_HEIGHT, silent: true,
       style: {text: label.score, font: BOLD, lineHeight: LINE_HEIGHT, fill: AI, align: label.align, verticalAlign: "top"}},
    ]);
    chart.setOption({
      animation: false,
      tooltip: {trigger: "item"},
      radar: {
        center: [centreX, centreY], radius, splitNumber: 5,
        indicator: data.indicators.map(i => ({name: i.name, max: i.max})),
        axisName: {show: false},
      },
      series: [{type: "radar", data: [{value: data.values, name: data.series || "AI"}],
                areaStyle: {opacity: 0.2}, itemStyle: {color: AI}, lineStyle: {color: AI}}],
      graphic,
    }, true);
    return true;
  }

  function drawBars(element, chart, data) {
    const width = element.clientWidth;
    const wrapWidth = Math.max(80, Math.min(200, width * 0.4));
    const names = data.indicators.map(i => wrap(i.name, wrapWidth));
    // A category axis gives every row the same height: enough for the longest name.
    const row = Math.max(28, Math.max(...names.map(lines => lines.length)) * LINE_HEIGHT + 10);
    element.style.height = `${names.length * row + 40}px`;
    chart.resize();
    // Room for the names as measured here, not as ECharts would measure them (containLabel).
    const nameWidth = Math.max(...names.flat().map(line => measure(line)));
    chart.setOption({
      animation: false,
      tooltip: {trigger: "item"},
      grid: {left: Math.ceil(nameWidth) + MARGIN + 10, right: 44, top: 8, bottom: 28},
      xAxis: {type: "value", min: 0, max: 10, interval: 2},
      yAxis: {type: "category", inverse: true, data: names.map(lines => lines.join("\n")),
              // Every name, even where ECharts would thin out crowded labels.
              axisLabel: {fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, color: TEXT, interval: 0,
                          showMinLabel: true, showMaxLabel: true}},
      series: [{type: "bar", name: data.series || "AI", data: data.values, barMaxWidth: 18,
                itemStyle: {color: AI}, label: {show: true, position: "right", fontWeight: "bold",
                formatter: p => p.value.toFixed(1)}}],
    }, true);
    element.dataset.chartShape = "bars";
  }

  function drawScores(element, chart, data) {
    element.dataset.chartShape = "radar";
    if (data.indicators.length < 3 || !drawRadar(element, chart, data)) drawBars(element, chart, data);
  }

  document.querySelectorAll("[data-chart]").forEach(element => {
    const data = JSON.parse(JSON.parse(document.getElementById(element.dataset.chartData).textContent));
    // The scores as SVG, so that their labels are text a screen reader and a test can read.
    const renderer = element.dataset.chart === "radar" ? "svg" : "canvas";
    const chart = echarts.init(element, null, {renderer});
    if (element.dataset.chart === "radar") {
      drawScores(element, chart, data);
      let width = element.clientWidth;
      new ResizeObserver(() => {
        if (element.clientWidth !== width) { width = element.clientWidth; drawScores(element, chart, data); }
      }).observe(element);
    } else if (element.dataset.chart === "calibration") {
      chart.setOption({animation: false, tooltip: {trigger: "axis"}, legend: {}, xAxis: {type: "category", data: data.bins, name: "Δ"},
        yAxis: {type: "value", minInterval: 1}, series: data.series.map(s => ({...s, type: "bar"}))});
    }
  });
})();
