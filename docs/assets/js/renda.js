/* Reader controls and small enhancements. No library, no network, no pop-ups.
   - 字号 (text size) and 高对比度 (contrast): buttons that persist the choice (localStorage); the stored
     choice is applied earlier, in <head> (assets/js/rd-early.js), so the page never flickers;
   - the masthead's date line, the Beijing date (今天是2026年12月1日 星期二);
   - the column bar as a menu on phones (a real button with aria-expanded; without this script the list
     simply stays open);
   - 打印本页, the page address for the printed header, link addresses for print;
   - on phones, tables with a header row read as one block per row (each cell labelled). */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZE_KEY = "rd-text-size";
  var CONTRAST_KEY = "rd-contrast";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function store(key, value) {
    try {
      if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); }
    } catch (e) { /* private mode or storage disabled: the choice still applies to this page */ }
  }

  /* 字号 */
  function applySize(size, buttons) {
    if (size === "m") { root.removeAttribute("data-rd-size"); } else { root.setAttribute("data-rd-size", size); }
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-rd-size") === size)); });
  }
  var group = document.querySelector("[data-rd-textsize]");
  if (group) {
    var buttons = Array.prototype.slice.call(group.querySelectorAll("button[data-rd-size]"));
    applySize(root.getAttribute("data-rd-size") || "m", buttons);
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var size = b.getAttribute("data-rd-size");
        applySize(size, buttons);
        store(SIZE_KEY, size === "m" ? null : size);
      });
    });
    group.hidden = false;
  }

  /* 高对比度 */
  var contrast = document.querySelector("[data-rd-contrast-toggle]");
  if (contrast) {
    var syncContrast = function () {
      contrast.setAttribute("aria-pressed", String(root.getAttribute("data-rd-contrast") === "high"));
    };
    syncContrast();
    contrast.addEventListener("click", function () {
      var high = root.getAttribute("data-rd-contrast") !== "high";
      if (high) { root.setAttribute("data-rd-contrast", "high"); } else { root.removeAttribute("data-rd-contrast"); }
      store(CONTRAST_KEY, high ? "high" : null);
      syncContrast();
    });
    contrast.hidden = false;
  }

  /* 今天是……: the date in Beijing, whatever the reader's computer clock zone. */
  var dateLine = document.querySelector("[data-rd-date]");
  if (dateLine) {
    var WEEK = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
    var now = new Date(), y, m, d, w;
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric",
        day: "numeric", weekday: "short" }).formatToParts(now).forEach(function (p) { parts[p.type] = p.value; });
      y = parts.year; m = parts.month; d = parts.day;
      w = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday);
    } catch (e) { y = null; }
    if (!y || w < 0) {                                   /* no time-zone data: China is UTC+8, no DST */
      var b = new Date(now.getTime() + 8 * 3600 * 1000);
      y = b.getUTCFullYear(); m = b.getUTCMonth() + 1; d = b.getUTCDate(); w = b.getUTCDay();
    }
    dateLine.textContent = "今天是" + y + "年" + Number(m) + "月" + Number(d) + "日 " + WEEK[w];
  }

  /* Column bar on phones: a menu button (Enter/Space/click), Escape closes it and returns focus. */
  var bar = document.querySelector("[data-rd-columns]");
  var toggle = bar && bar.querySelector(".rd-columns__toggle");
  if (bar && toggle) {
    var setOpen = function (open) {
      bar.classList.toggle("rd-columns--open", open);
      toggle.setAttribute("aria-expanded", String(open));
    };
    toggle.hidden = false;
    bar.classList.add("rd-columns--js");
    setOpen(false);
    toggle.addEventListener("click", function () { setOpen(toggle.getAttribute("aria-expanded") !== "true"); });
    bar.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" && toggle.offsetParent !== null) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  /* 打印本页 */
  var print = document.querySelector("[data-rd-print]");
  if (print && typeof window.print === "function") {
    print.addEventListener("click", function () { window.print(); });
    print.hidden = false;
  }
  /* The printed header's address, where the build had no site_url to write it. */
  each(document.querySelectorAll("[data-rd-print-url]"), function (el) { el.textContent = location.href.split("#")[0]; });

  /* Printed links show their full address (the print stylesheet reads data-rd-url): a relative href
     such as ../../daibiao/d0001/ means nothing on paper. */
  each(document.querySelectorAll(".md-content a[href]"), function (a) {
    var href = a.getAttribute("href");
    if (href.charAt(0) === "#" || a.classList.contains("headerlink") || a.closest(".md-content__button")) { return; }
    a.setAttribute("data-rd-url", a.href);
  });

  /* Tables with a header row: each cell learns its column's name, so the phone layout (renda.css,
     table.rd-stack) can show one labelled block per row instead of a table wider than the screen. A chart's
     own table (类别、人数、占比, with a 合计 row) is narrow enough for a phone and stays a table. */
  each(document.querySelectorAll(".md-typeset table:not([class])"), function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || head.cells.length < 3 || table.closest(".rd-chart")) { return; }
    var labels = Array.prototype.map.call(head.cells, function (c) { return c.textContent.trim(); });
    each(table.tBodies, function (body) {
      each(body.rows, function (row) {
        if (row.cells.length !== labels.length) { return; }
        each(row.cells, function (cell, i) { if (labels[i]) { cell.setAttribute("data-rd-label", labels[i]); } });
      });
    });
    table.setAttribute("data-rd-stack", "");
  });
})();
