/* netdash: draws the Plotly charts (those in view first, those in a closed tab when it
 * opens), makes the tables sortable and filterable (the filters kept in the address),
 * copies the agenda's drafts and commands, and reloads the page of the data's problems
 * (under `netdash serve`) once they change.
 *
 * Runs on every page view through Material's `document$`, so it also works after instant
 * navigation. Plotly (plotly-basic.min.js) is loaded once, and only when a page has a
 * chart. Charts take their colours from Material's palette and are re-themed when the
 * palette changes. */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var plotlyUrl = new URL("plotly-basic.min.js", here).href;
  var plotlyPromise = null;
  var drawn = [];

  /* ---- Plotly, loaded on demand ------------------------------------------------------ */

  function loadPlotly() {
    if (window.Plotly) {
      return Promise.resolve(window.Plotly);
    }
    if (!plotlyPromise) {
      plotlyPromise = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = plotlyUrl;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () {
          plotlyPromise = null;
          reject(new Error("netdash: could not load " + plotlyUrl));
        };
        document.head.appendChild(script);
      });
    }
    return plotlyPromise;
  }

  /* ---- Theme: Material's colours, resolved by the browser ---------------------------- */

  function resolveColor(variable, fallback) {
    var probe = document.createElement("span");
    probe.style.display = "none";
    probe.style.color = "var(" + variable + ", " + fallback + ")";
    document.body.appendChild(probe);
    var color = getComputedStyle(probe).color;
    probe.remove();
    return color || fallback;
  }

  function theme() {
    return {
      text: resolveColor("--md-default-fg-color", "#222"),
      muted: resolveColor("--md-default-fg-color--light", "#666"),
      grid: resolveColor("--md-default-fg-color--lightest", "#ddd"),
      background: resolveColor("--md-default-bg-color", "#fff"),
      font: getComputedStyle(document.body).fontFamily
    };
  }

  function themed(layout, colors) {
    var out = Object.assign({}, layout);
    out.paper_bgcolor = "rgba(0,0,0,0)";
    out.plot_bgcolor = "rgba(0,0,0,0)";
    out.font = Object.assign({ family: colors.font, color: colors.text, size: 13 }, layout.font);
    out.hoverlabel = Object.assign(
      { bgcolor: colors.background, bordercolor: colors.grid, font: { color: colors.text } },
      layout.hoverlabel
    );
    if (out.legend) {
      out.legend = Object.assign({ bgcolor: "rgba(0,0,0,0)" }, out.legend);
    }
    Object.keys(out).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key) || key === "xaxis" || key === "yaxis") {
        out[key] = Object.assign(
          { gridcolor: colors.grid, zerolinecolor: colors.grid, linecolor: colors.grid,
            tickcolor: colors.grid, automargin: true },
          out[key]
        );
      }
    });
    ["xaxis", "yaxis"].forEach(function (key) {
      if (!out[key]) {
        out[key] = { gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
      }
    });
    (out.annotations || []).forEach(function (note, i) {
      out.annotations[i] = Object.assign({}, note, {
        font: Object.assign({ color: colors.muted }, note.font)
      });
    });
    return out;
  }

  /* ---- Charts -------------------------------------------------------------------------- */

  var resizeObserver = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(
    function (entries) {
      entries.forEach(function (entry) {
        var el = entry.target;
        if (el.isConnected && el.offsetWidth > 0 && el._netdashWidth !== el.offsetWidth) {
          el._netdashWidth = el.offsetWidth;
          window.Plotly.Plots.resize(el);
        }
      });
    }
  );

  function draw(el, Plotly, colors) {
    if (!el._netdashSpec) {
      el._netdashSpec = JSON.parse(el.getAttribute("data-chart"));
    }
    var spec = el._netdashSpec;
    var config = { displayModeBar: false, responsive: false, displaylogo: false };
    return Plotly.react(el, spec.data, themed(spec.layout || {}, colors), config).then(function () {
      el.classList.add("nd-chart--drawn");
      el._netdashWidth = el.offsetWidth;
      if (resizeObserver) {
        resizeObserver.observe(el);
      }
    });
  }

  function visible(el) {
    return el.getClientRects().length > 0; /* not in a closed tab */
  }

  /* The charts in view are drawn first; those in a closed tab when it opens. */
  function drawCharts() {
    var charts = Array.prototype.slice.call(document.querySelectorAll(".nd-chart[data-chart]"));
    drawn = drawn.filter(function (el) {
      if (!el.isConnected && resizeObserver) {
        resizeObserver.unobserve(el); /* left behind by instant navigation */
      }
      return el.isConnected;
    });
    var waiting = charts.filter(function (el) {
      return drawn.indexOf(el) < 0 && visible(el);
    });
    if (!waiting.length) {
      return;
    }
    loadPlotly().then(function (Plotly) {
      var colors = theme();
      waiting.forEach(function (el) {
        if (el.isConnected && drawn.indexOf(el) < 0 && visible(el)) {
          drawn.push(el);
          draw(el, Plotly, colors);
        }
      });
    }).catch(function (error) {
      waiting.forEach(function (el) { el.classList.add("nd-chart--failed"); });
      console.error(error);
    });
  }

  /* A content tab opened (Material's tabs are radio buttons): draw what it shows. */
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches(".tabbed-set > input")) {
      drawCharts();
    }
  });

  function retheme() {
    if (!window.Plotly || !drawn.length) {
      return;
    }
    var colors = theme();
    drawn.forEach(function (el) {
      if (el.isConnected) {
        draw(el, window.Plotly, colors);
      }
    });
  }

  new MutationObserver(retheme).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme", "data-md-color-primary"]
  });

  /* ---- Tables: sort by clicking a header ----------------------------------------------- */

  function sortValue(cell) {
    var keyed = cell.hasAttribute("data-sort") ? cell : cell.querySelector("[data-sort], time");
    if (keyed) {
      return keyed.getAttribute("data-sort") || keyed.getAttribute("datetime") || "";
    }
    var text = cell.textContent.trim().toLowerCase();
    return /^-?[\d,]+(\.\d+)?%?$/.test(text) ? text.replace(/[,%]/g, "") : text;
  }

  function compare(a, b) {
    var x = Number(a);
    var y = Number(b);
    if (!isNaN(x) && !isNaN(y)) {
      return x - y;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function sortTable(table, column, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, index) {
      return { row: row, key: sortValue(row.cells[column]), index: index };
    });
    keyed.sort(function (a, b) {
      if ((a.key === "") !== (b.key === "")) {
        return a.key === "" ? 1 : -1; /* blanks last, either way */
      }
      var order = compare(a.key, b.key);
      return (ascending ? order : -order) || a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function setupSorting(table) {
    if (table._netdashSorting || !table.tHead) {
      return;
    }
    table._netdashSorting = true;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.classList.add("nd-sortable");
      header.tabIndex = 0;
      header.addEventListener("click", function () { sortTable(table, column, header); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortTable(table, column, header);
        }
      });
    });
  }

  /* ---- Tables: filter rows by the controls of a [data-filters] form -------------------- */

  function controlsOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
  }

  function applyFilters(form, table) {
    var controls = controlsOf(form);
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var visible = controls.every(function (control) {
        var wanted = control.value.trim().toLowerCase();
        if (!wanted) {
          return true;
        }
        var field = control.getAttribute("data-filter");
        var value = (row.getAttribute("data-" + field) || "").toLowerCase();
        if (field === "text") {
          return value.indexOf(wanted) >= 0;
        }
        return value.split("|").indexOf(wanted) >= 0;
      });
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    var count = form.querySelector("[data-filter-count]");
    if (count) {
      count.textContent = String(shown);
    }
    var empty = form.querySelector("[data-filter-empty]");
    if (empty) {
      empty.hidden = shown > 0;
    }
    var wrapper = table.closest(".nd-table") || table;
    wrapper.hidden = shown === 0; /* no bare header */
  }

  /* Filters live in the address: `?circle=inner&text=ada`, read on load, written on change. */
  function readFilters(form) {
    var params = new URLSearchParams(location.search);
    controlsOf(form).forEach(function (control) {
      var value = params.get(control.getAttribute("data-filter"));
      if (value !== null) {
        control.value = value;
      }
    });
  }

  function writeFilters(form) {
    var params = new URLSearchParams(location.search);
    controlsOf(form).forEach(function (control) {
      var name = control.getAttribute("data-filter");
      var value = control.value.trim();
      if (value) {
        params.set(name, value);
      } else {
        params.delete(name);
      }
    });
    var query = params.toString();
    var address = location.pathname + (query ? "?" + query : "") + location.hash;
    if (address !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", address);
    }
  }

  function setupFilters(form) {
    var table = document.getElementById(form.getAttribute("data-filters"));
    if (form._netdashFilters || !table) {
      return;
    }
    form._netdashFilters = true;
    var update = function () {
      applyFilters(form, table);
      writeFilters(form);
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    readFilters(form);
    applyFilters(form, table);
  }

  /* ---- Drafts: a button copies the text of the element it names ------------------------ */

  function setupCopy(button) {
    if (button._netdashCopy) {
      return;
    }
    button._netdashCopy = true;
    var label = button.textContent;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-nd-copy"));
      if (!source || !navigator.clipboard) {
        return;
      }
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  }

  /* ---- The data's problems under `netdash serve`: reload once they change --------------- */

  function watchProblems(panel) {
    if (panel._netdashWatched) {
      return;
    }
    panel._netdashWatched = true;
    var seen = panel.getAttribute("data-nd-problems");
    var check = function () {
      if (!document.body.contains(panel)) {
        return;
      }
      fetch(location.href, { cache: "no-store" })
        .then(function (response) { return response.text(); })
        .then(function (text) {
          var found = /data-nd-problems="([0-9a-f]+)"/.exec(text);
          if (!found || found[1] !== seen) {
            location.reload();
          } else {
            setTimeout(check, 1000);
          }
        }, function () { setTimeout(check, 1000); });
    };
    setTimeout(check, 1000);
  }

  /* ---- Every page view ------------------------------------------------------------------ */

  function onPage() {
    drawCharts();
    document.querySelectorAll("table[data-sortable]").forEach(setupSorting);
    document.querySelectorAll("form[data-filters]").forEach(setupFilters);
    document.querySelectorAll("[data-nd-copy]").forEach(setupCopy);
    document.querySelectorAll("[data-nd-problems]").forEach(watchProblems);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
