// ECharts from the data a page puts in a json_script block (no inline script: the
// Content-Security-Policy forbids it). Each chart element names its data block and kind.
document.querySelectorAll("[data-chart]").forEach(element => {
  const data = JSON.parse(JSON.parse(document.getElementById(element.dataset.chartData).textContent));
  const chart = echarts.init(element);
  if (element.dataset.chart === "radar") {
    chart.setOption({radar: {indicator: data.indicators}, series: [{type: "radar", data: [{value: data.values, name: "AI"}], areaStyle: {opacity: 0.2}}]});
  } else if (element.dataset.chart === "calibration") {
    chart.setOption({animation: false, tooltip: {trigger: "axis"}, legend: {}, xAxis: {type: "category", data: data.bins, name: "Δ"},
      yAxis: {type: "value", minInterval: 1}, series: data.series.map(s => ({...s, type: "bar"}))});
  }
});
