// Small progressive enhancements; every page works without this file.
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-print]');
  if (t) { e.preventDefault(); window.print(); }
});

// Dashboard charts: ECharts is loaded only on pages that have a chart, and reads its figures from a
// JSON block. A click on a bar opens the applications behind it. Without the library the tables remain.
(function () {
  function draw() {
    var holder = document.querySelector('[data-chart="departments"]');
    var data = document.getElementById('dash-data');
    if (!holder || !data || holder.dataset.drawn) { return; }
    var figures = JSON.parse(data.textContent || '{}');
    function render() {
      if (!window.echarts) { return; }
      holder.dataset.drawn = '1';
      var chart = window.echarts.init(holder);
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: {},
        grid: { left: 8, right: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: figures.names, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: figures.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
      });
      chart.on('click', function (p) { if (figures.links[p.dataIndex]) { window.location.href = figures.links[p.dataIndex]; } });
      window.addEventListener('resize', function () { chart.resize(); });
    }
    if (window.echarts) { render(); return; }
    var s = document.createElement('script');
    s.src = '/lib/echarts/echarts.min.js';
    s.onload = render;
    document.head.appendChild(s);
  }
  document.addEventListener('DOMContentLoaded', draw);
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', draw); }
  else { document.addEventListener('readystatechange', function () { if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', draw); } }); }
})();
