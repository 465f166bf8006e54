/* The exported page's only script: swaps the figure's precomputed zoom levels
   (labels, clusters) as one zooms, and links the figure and the event list.
   It reads the layout from the JSON block #timeline-data; it never builds
   markup from text (labels and hovers arrive escaped). */
"use strict";

function timelineStart(gd) {
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var levels = Object.keys(data.levels).map(Number).sort(function (a, b) { return a - b; });
  var selected = null;
  // what every item looks like when shown: its trace, position and hover
  var shape = data.items.map(function (item) {
    var trace = item[0][0], position = item[0][1];
    return {
      trace: trace, position: position, x0: item[1], x1: item[2], point: item[3], y: item[4],
      index: item[6], hover: gd.data[trace].customdata[position]
    };
  });

  function scale() {
    var axis = gd._fullLayout.xaxis;
    var range = axis.range.map(axis.r2l);
    return axis._length / (range[1] - range[0]);
  }

  // as layout.py's zoom and level_of: doubling per level, in half steps below the reference
  function zoom(level) {
    return level >= 0 ? Math.pow(2, level) : Math.pow(2, level / 2);
  }

  function levelFor(pixels) {
    var doublings = Math.log2(pixels / data.scale);
    var level = Math.floor((doublings >= 0 ? doublings : 2 * doublings) + 1e-9);
    return Math.max(levels[0], Math.min(levels[levels.length - 1], level));
  }

  function apply(level) {
    var state = data.levels[String(level)];
    var hidden = new Set(state.hidden);
    var update = {x: [], base: [], y: [], width: [], text: [], textposition: [], "marker.size": [],
                  customdata: []};
    var traces = [];
    function add(index, values) {
      traces.push(index);
      Object.keys(update).forEach(function (key) {
        var current = key.split(".").reduce(function (node, part) {
          return node === undefined ? undefined : node[part];
        }, gd.data[index]);
        update[key].push(key in values ? values[key] : current);
      });
    }
    data.traces.bars.concat(data.traces.points).forEach(function (index) {
      var size = gd.data[index].y.length, bar = data.traces.bars.indexOf(index) >= 0;
      add(index, {x: new Array(size).fill(null), base: bar ? new Array(size).fill(null) : undefined});
    });
    shape.forEach(function (item, i) {
      if (hidden.has(i)) { return; }
      var at = traces.indexOf(item.trace);
      if (item.point) {
        update.x[at][item.position] = item.x0;
      } else {
        update.base[at][item.position] = item.x0;
        update.x[at][item.position] = item.x1 - item.x0;
      }
    });
    data.traces.labels.forEach(function (index, lane) {
      var mine = state.labels.filter(function (label) { return label[3] === lane; });
      add(index, {
        x: mine.map(function (label) { return shape[label[0]].x0; }),
        y: mine.map(function (label) { return shape[label[0]].y; }),
        text: mine.map(function (label) { return label[2]; }),
        textposition: mine.map(function (label) { return "middle " + label[1]; }),
        "marker.size": mine.map(function (label) { return shape[label[0]].point ? data.mark : 1; }),
        customdata: mine.map(function (label) { return shape[label[0]].hover; })
      });
    });
    data.traces.clusters.forEach(function (index, lane) {
      var mine = state.clusters.filter(function (c) { return c[0] === lane; });
      add(index, {
        base: mine.map(function (c) { return c[2]; }),
        x: mine.map(function (c) { return c[3] - c[2]; }),
        y: mine.map(function (c) { return c[1]; }),
        text: mine.map(function (c) { return String(c[4]); }),
        width: mine.map(function (c) { return c[6]; }),
        customdata: mine.map(function (c) { return [c[5], c[2], c[3]]; })
      });
    });
    Object.keys(update).forEach(function (key) {
      if (update[key].every(function (v) { return v === undefined; })) { delete update[key]; }
    });
    // restyling x makes plotly guess the axis type again: keep ours, and its ticks
    var axis = {"xaxis.type": data.calendar ? "date" : "linear",
                "xaxis.range": gd._fullLayout.xaxis.range.slice()};
    if (!data.calendar) {
      var ticks = yearTicks(gd._fullLayout.xaxis.range[0], gd._fullLayout.xaxis.range[1]);
      axis["xaxis.tickvals"] = ticks.tickvals;
      axis["xaxis.ticktext"] = ticks.ticktext;
      if (gd.layout.xaxis2) {
        axis["xaxis2.tickvals"] = ticks.tickvals;
        axis["xaxis2.ticktext"] = ticks.ticktext;
      }
    }
    return Plotly.update(gd, update, axis, traces);
  }

  // decimal-year ticks, as figure.py's decimal_ticks: round years, or month starts
  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400), yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  }
  function decimalYear(y, m) {
    var start = daysFromCivil(y, 1, 1);
    return y + (daysFromCivil(y, m, 1) - start) / (daysFromCivil(y + 1, 1, 1) - start);
  }
  function yearText(y) { return y > 0 ? String(y) : (1 - y) + " " + data.era; }
  function yearTicks(low, high) {
    var values = [], labels = [];
    if (high - low < 4) {
      var span = (high - low) * 12, step = [1, 2, 3, 6].find(function (s) { return span / s <= 10; }) || 12;
      for (var y = Math.floor(low); y <= Math.ceil(high); y++) {
        for (var m = 1; m <= 12; m++) {
          var v = decimalYear(y, m);
          if (v >= low && v <= high && (m - 1) % step === 0) { values.push(v); labels.push(data.months[m - 1] + " " + yearText(y)); }
        }
      }
      return {tickvals: values, ticktext: labels};
    }
    var raw = (high - low) / 8, unit = Math.pow(10, Math.floor(Math.log10(raw)));
    var stride = Math.max(1, Math.round(unit * ([1, 2, 5, 10].find(function (f) { return unit * f >= raw; }))));
    for (var k = Math.ceil(low / stride); k <= Math.floor(high / stride); k++) { if (k > 0) { values.push(k * stride); } }
    for (k = Math.ceil((1 - high) / stride); k <= Math.floor((1 - low) / stride); k++) { if (k > 0) { values.push(1 - k * stride); } }
    values = values.filter(function (t) { return t >= low && t <= high; }).sort(function (a, b) { return a - b; });
    return {tickvals: values, ticktext: values.map(yearText)};
  }

  var pending = Promise.resolve();
  function refresh() {
    pending = pending.then(function () {
      var pixels = scale();
      var level = levelFor(pixels);
      return apply(level).then(function () {
        gd.dataset.level = String(level);
        gd.dataset.ready = "true";
      });
    });
    return pending;
  }

  gd.on("plotly_relayout", function (change) {
    if (Object.keys(change || {}).some(function (key) { return key.indexOf("xaxis.range") === 0 ||
        key === "xaxis.autorange" || key === "autosize" || key === "width"; })) {
      refresh();
    }
  });
  window.addEventListener("resize", function () { window.requestAnimationFrame(refresh); });

  function select(index) {
    if (selected) { selected.classList.remove("selected"); }
    selected = document.getElementById("event-" + index);
    if (selected) {
      selected.classList.add("selected");
      selected.scrollIntoView({behavior: "smooth", block: "center"});
    }
  }

  gd.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    if (!point || !point.customdata) { return; }
    if (data.traces.clusters.indexOf(point.curveNumber) >= 0) {
      // into the cluster: its extent if that is closer, else four times closer around it
      var axis = gd._fullLayout.xaxis, range = axis.range.map(axis.r2l);
      var low = point.customdata[1], high = point.customdata[2], pad = (high - low) * 0.15;
      if (high - low + 2 * pad >= (range[1] - range[0]) * 0.8) {
        var middle = (low + high) / 2, half = (range[1] - range[0]) / 8;
        low = middle - half; high = middle + half; pad = 0;
      }
      Plotly.relayout(gd, {"xaxis.range": [axis.l2r(low - pad), axis.l2r(high + pad)]});
      return;
    }
    select(point.customdata[5]);
  });

  function showOnFigure(index) {
    var i = shape.findIndex(function (item) { return String(item.index) === String(index); });
    if (i < 0) { return; }
    var item = shape[i];
    // the closest zoom from the reference out at which it is drawn on its own and labelled
    var level = levels.find(function (l) {
      var state = data.levels[String(l)];
      return l >= 0 && state.hidden.indexOf(i) < 0 &&
        state.labels.some(function (label) { return label[0] === i; });
    });
    if (level === undefined) { level = Math.max(0, levels[levels.length - 1]); }
    var axis = gd._fullLayout.xaxis;
    var width = axis._length / (data.scale * zoom(level)) * 0.999;
    var middle = (item.x0 + item.x1) / 2;
    var low = middle - width / 2, high = middle + width / 2;
    if (data.calendar) { low = axis.l2r(low); high = axis.l2r(high); }
    // not smooth: a label shown while the page still scrolls under the pointer is taken away
    var rows = gd._fullLayout.yaxis, top = gd.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, Math.max(0, top + rows._offset + rows.l2p(item.y) - window.innerHeight / 2));
    Plotly.relayout(gd, {"xaxis.range": [low, high]}).then(function () {
      return pending;
    }).then(function () {
      Plotly.Fx.hover(gd, [{curveNumber: item.trace, pointNumber: item.position}]);
    });
  }

  // plotly's buttons sit at the top right, where the key runs on in a narrow window:
  // there they are left out rather than laid over the key (drag zooms, double-click resets)
  function spareTheKey() {
    var bar = gd.querySelector(".modebar-container"), key = gd.querySelector(".legend2");
    if (!bar || !key || !bar.querySelector(".modebar")) { return; }
    bar.style.display = "";
    var buttons = bar.querySelector(".modebar").getBoundingClientRect();
    var entries = key.getBoundingClientRect();
    var covers = buttons.left < entries.right && entries.left < buttons.right &&
      buttons.top < entries.bottom && entries.top < buttons.bottom;
    bar.style.display = covers ? "none" : "";
  }
  gd.on("plotly_afterplot", spareTheKey);
  spareTheKey();

  // the list is parsed after this script runs: listen on the document
  document.addEventListener("click", function (event) {
    if (event.target.id === "whole-span") {  // the figure opened on where most events are
      var axis = gd._fullLayout.xaxis;
      Plotly.relayout(gd, {"xaxis.range": data.axis.map(function (v) {
        return data.calendar ? axis.l2r(v) : v;
      })});
      return;
    }
    var link = event.target.closest && event.target.closest("a.to-figure");
    if (!link) { return; }
    event.preventDefault();
    select(link.dataset.event);
    showOnFigure(link.dataset.event);
  });

  refresh();
}
