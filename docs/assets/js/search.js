/* 站内搜索：header search box on Pagefind's JS API (overrides/partials/rd-search.html).
 *
 * - Everything is loaded from this site, relative to the page, so a sub-path mount works.
 * - The query is normalised (full-width -> ASCII, punctuation dropped, length capped) before
 *   Pagefind segments it with Intl.Segmenter; names are matched through the `names` meta words that
 *   the indexer adds (hooks/renda_site/search_index.py).
 * - Results, excerpts and messages are built with DOM nodes and textContent only: no reader input
 *   or page text ever reaches innerHTML.
 */
(function () {
  "use strict";

  var MAX_CHARS = 38;   // longer queries are cut: every word must match, so a pasted paragraph finds nothing
  var PER_PAGE = 10;
  // A deputy's own page carries its name in the `person` meta (search_index.py): weighed above the
  // rosters, lists and reports that only mention the name, so the page itself comes first.
  var RANKING = { metaWeights: { person: 10 } };
  var OFFLINE = "离线版不支持站内搜索。请访问本网站的在线版使用搜索功能，或通过左侧栏目和页面链接浏览。";
  var UNAVAILABLE = "搜索索引暂时无法加载。如果这是本地预览，请先生成网站（bash dev.sh build）；也可以通过栏目导航浏览。";
  var HINT = "请输入要查找的内容，例如代表姓名、文件标题或关键词。";

  var root = document.querySelector("[data-rd-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input[type=search]");
  var panel = root.querySelector(".rd-search__panel");
  var status = root.querySelector(".rd-search__status");
  var list = root.querySelector(".rd-search__results");
  var more = root.querySelector(".rd-search__more");
  var closer = root.querySelector(".rd-search__close");
  var filterBox = root.querySelector(".rd-search__filters");
  var refine = root.querySelector(".rd-search__refine");
  var filtersWanted = false;   // filter data is fetched only when the reader asks for it
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var offline = location.protocol === "file:";
  var loading = null;
  var sequence = 0;
  var timer = 0;
  var state = { results: [], shown: 0, needles: [] };

  function say(text) { status.textContent = text; }

  // The panel is a live region announced through aria-describedby/role=status, not a popup:
  // aria-expanded is not allowed on a search box (axe: aria-allowed-attr), so none is set.
  function openPanel() {
    panel.hidden = false;
  }

  function closePanel(focusInput) {
    panel.hidden = true;
    if (focusInput) input.focus();
  }

  function pagefind() {
    if (!loading) {
      var bundle = new URL(root.getAttribute("data-bundle"), location.href).href;
      var base = new URL(root.getAttribute("data-root"), location.href).pathname;
      loading = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ basePath: bundle, baseUrl: base, ranking: RANKING }).then(function () { return pf; });
      });
      loading.catch(function () { loading = null; });   // let the next query try again
    }
    return loading;
  }

  /* What Pagefind is given: NFKC turns full-width digits and letters (２０２４, Ａ) into ASCII;
     punctuation and symbols (including < > of markup) become spaces. */
  function normalise(raw) {
    var text = String(raw || "").normalize("NFKC")
      .replace(/[\p{P}\p{S}\p{C}]+/gu, " ").replace(/\s+/g, " ").trim();
    var cut = text.length > MAX_CHARS;
    var dropped = /[\p{P}\p{S}]/u.test(String(raw || "").normalize("NFKC"));
    return { text: cut ? text.slice(0, MAX_CHARS).trim() : text, cut: cut, dropped: dropped };
  }

  /* Strings to highlight: the whole query, its parts and the words the browser finds in them. */
  function needlesOf(text) {
    var found = {};
    text.split(" ").forEach(function (part) {
      found[part] = true;
      if (window.Intl && Intl.Segmenter) {
        var segmenter = new Intl.Segmenter("zh", { granularity: "word" });
        Array.from(segmenter.segment(part)).forEach(function (s) {
          if (s.isWordLike && s.segment.length > 1) found[s.segment] = true;
        });
      }
    });
    return Object.keys(found).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
  }

  /* A window of the page text around the first hit, with every hit in a <mark>. */
  function excerptNode(content, needles) {
    var lower = content.toLowerCase();
    var at = -1;
    for (var i = 0; i < needles.length && at < 0; i++) at = lower.indexOf(needles[i].toLowerCase());
    var start = Math.max(0, at - 24);
    var end = Math.min(content.length, Math.max(at, 0) + 96);
    var text = content.slice(start, end);
    var p = document.createElement("p");
    p.className = "rd-search__excerpt";
    if (start > 0) p.appendChild(document.createTextNode("…"));
    var textLower = text.toLowerCase();
    var pos = 0;
    while (pos < text.length) {
      var next = -1, length = 0;
      needles.forEach(function (n) {
        var k = textLower.indexOf(n.toLowerCase(), pos);
        if (k >= 0 && (next < 0 || k < next || (k === next && n.length > length))) { next = k; length = n.length; }
      });
      if (next < 0) break;
      p.appendChild(document.createTextNode(text.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      p.appendChild(mark);
      pos = next + length;
    }
    p.appendChild(document.createTextNode(text.slice(pos) + (end < content.length ? "…" : "")));
    return p;
  }

  function cnDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? m[1] + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : "";
  }

  function resultItem(data) {
    var li = document.createElement("li");
    li.className = "rd-search__item";
    var a = document.createElement("a");
    a.className = "rd-search__link";
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(a);
    var section = data.filters && data.filters["栏目"] ? data.filters["栏目"][0] : "";
    var info = [section, cnDate(data.meta && data.meta.date)].filter(Boolean).join(" · ");
    if (info) {
      var small = document.createElement("p");
      small.className = "rd-search__info";
      small.textContent = info;
      li.appendChild(small);
    }
    li.appendChild(excerptNode(data.content || "", state.needles));
    return li;
  }

  function showMore() {
    var batch = state.results.slice(state.shown, state.shown + PER_PAGE);
    var mine = sequence;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== sequence) return;
      var first = null;
      pages.forEach(function (data) {
        var li = resultItem(data);
        first = first || li;
        list.appendChild(li);
      });
      state.shown += batch.length;
      more.hidden = state.shown >= state.results.length;
      return first;
    });
  }

  /* The words Pagefind will look for, as the browser segments them. */
  function pieces(text) {
    if (!(window.Intl && Intl.Segmenter)) return text.split(" ");
    var segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    var seen = {};
    Array.from(segmenter.segment(text)).forEach(function (s) { if (s.isWordLike) seen[s.segment] = true; });
    return Object.keys(seen);
  }

  /* Pagefind keeps a page only if every query word is in it. The browser (ICU) and the indexer
     (jieba) sometimes cut a compound differently (营商环境: 营商 + 环境 here, one word there), and then
     nothing matches. With fewer than 5 such results, each word is also searched alone and pages are
     ranked by how much of the query they contain, then by Pagefind's score. */
  function relaxed(pf, text, filters, strict) {
    var words = pieces(text);
    if (strict.results.length >= 5 || words.length < 2) return Promise.resolve(strict);
    return Promise.all(words.map(function (w) { return pf.search(w, { filters: filters }); })).then(function (responses) {
      var byId = {};
      responses.forEach(function (response, i) {
        response.results.forEach(function (r) {
          var e = byId[r.id] || (byId[r.id] = { result: r, chars: 0, score: 0 });
          e.chars += words[i].length;
          e.score += r.score;
        });
      });
      var strictIds = {};
      strict.results.forEach(function (r) { strictIds[r.id] = true; });
      var extra = Object.keys(byId).map(function (k) { return byId[k]; })
        .filter(function (e) { return !strictIds[e.result.id]; })
        .sort(function (a, b) { return b.chars - a.chars || b.score - a.score; })
        .map(function (e) { return e.result; });
      return { results: strict.results.concat(extra), totalFilters: strict.totalFilters, partial: extra.length > 0, strictCount: strict.results.length };
    });
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (s) { if (s.value) filters[s.getAttribute("data-filter")] = s.value; });
    return filters;
  }

  /* The filter menus list the sections and years of this query's matches, with counts. */
  function fillFilters(counts) {
    var any = false;
    if (!filtersWanted) return;
    selects.forEach(function (select) {
      var name = select.getAttribute("data-filter");
      var values = counts && counts[name] ? counts[name] : {};
      var keep = select.value;
      while (select.options.length > 1) select.remove(1);
      Object.keys(values).sort().reverse().forEach(function (value) {
        if (!values[value] && value !== keep) return;
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value + "（" + values[value] + "）";
        select.appendChild(option);
        any = true;
      });
      select.value = keep;
    });
    filterBox.hidden = !any;
    refine.hidden = true;
  }

  /* data-rd-done marks a finished search (for tests and assistive tools watching the widget). */
  function done(mine, raw) {
    if (mine === sequence) root.setAttribute("data-rd-done", raw);
  }

  function search(raw) {
    var mine = ++sequence;
    var query = normalise(raw);
    root.removeAttribute("data-rd-done");
    openPanel();
    list.textContent = "";
    more.hidden = true;
    if (offline) { refine.hidden = true; say(OFFLINE); done(mine, raw); return Promise.resolve(); }
    if (!query.text) {
      filterBox.hidden = refine.hidden = true;
      say(String(raw || "").trim() ? "没有可搜索的文字：标点符号和特殊字符会被忽略。" + HINT : HINT);
      done(mine, raw);
      return Promise.resolve();
    }
    say("正在搜索……");
    return pagefind().then(function (pf) {
      var filters = chosenFilters();
      return pf.search(query.text, { filters: filters }).then(function (strict) {
        return relaxed(pf, query.text, filters, strict);
      });
    }).then(function (response) {
      if (mine !== sequence) return;
      state = { results: response.results, shown: 0, needles: needlesOf(query.text) };
      fillFilters(response.totalFilters);
      refine.hidden = filtersWanted || !response.results.length;
      var cut = (query.cut ? "（查询内容较长，只按前 " + MAX_CHARS + " 个字搜索）" : "") +
                (query.dropped ? "（已忽略标点和符号）" : "");
      if (!response.results.length) {
        say("没有找到与“" + query.text + "”相关的内容" + cut + "。建议检查是否有错别字，减少关键词，" +
            "或只输入姓名、标题中的几个字再试" + (Object.keys(chosenFilters()).length ? "，也可以把栏目和年份改为“全部”" : "") + "。");
        return;
      }
      say(response.partial
        ? (response.strictCount ? "找到 " + response.strictCount + " 条包含全部关键词的结果，" : "没有同时包含全部关键词的结果，") +
          "另列出包含部分关键词的结果，共 " + response.results.length + " 条" + cut + "。"
        : "找到 " + response.results.length + " 条与“" + query.text + "”相关的结果" + cut + "。");
      return showMore();
    }).catch(function () {
      if (mine === sequence) say(UNAVAILABLE);
    }).then(function () { done(mine, raw); });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 250);
  });
  input.addEventListener("focus", function () {
    if (offline) { openPanel(); say(OFFLINE); }
  });
  selects.forEach(function (s) { s.addEventListener("change", function () { search(input.value); }); });
  refine.addEventListener("click", function () {
    filtersWanted = true;
    pagefind().then(function (pf) { return pf.filters(); }).then(function () {
      return search(input.value);
    }).then(function () { if (!filterBox.hidden) selects[0].focus(); });
  });
  more.addEventListener("click", function () {
    showMore().then(function (first) { if (first) first.querySelector("a").focus(); });
  });
  closer.addEventListener("click", function () { closePanel(true); });
  root.addEventListener("keydown", function (event) {
    var all = links();
    var index = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      closePanel(true);
    } else if (event.key === "ArrowDown" && (event.target === input || index >= 0) && all.length) {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      if (index === 0) input.focus(); else all[index - 1].focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!panel.hidden && !root.contains(event.target)) closePanel(false);
  });
})();
