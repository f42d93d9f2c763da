/* 站内搜索：header search box on Pagefind's JS API (overrides/partials/rd-search.html).
 *
 * - Everything is loaded from this site, relative to the page, so a sub-path mount works.
 * - The query is normalised (full-width -> ASCII, punctuation dropped, length capped), then cut
 *   into words exactly as the indexer cut the pages (`words`, twin of search_words.py) and searched
 *   as exact phrases; traditional characters are converted when nothing is found as typed.
 * - A large site's index comes in parts (pagefind/parts.json): they are merged into one search.
 * - Forms a reader types for what pages write otherwise are rewritten first (`understood`): 第十八届,
 *   中华人民共和国 before a law's name, a law's name run into 执法检查, 第15号建议; 第32次会议 and 18届
 *   are searched as typed and in Chinese numerals (`numerals`).
 * - When fewer than a page of results hold the query verbatim, pages holding all its words apart
 *   follow under 「以下结果部分匹配」 (`apart`).
 * - Results, excerpts and messages are built with DOM nodes and textContent only: no reader input
 *   or page text ever reaches innerHTML.
 */
(function () {
  "use strict";

  var INDEX_LANG = "und";   // the language of the index (search_index.py INDEX_LANG)
  var MAX_CHARS = 38;   // longer queries are cut: every word must match, so a pasted paragraph finds nothing
  var PER_PAGE = 10;
  // A deputy's own page carries its name in the `person` meta (search_index.py): weighed above the
  // rosters, lists and reports that only mention the name, so the page itself comes first.
  var RANKING = { metaWeights: { person: 10 } };
  var OFFLINE = "离线版不支持站内搜索。请访问本网站的在线版使用搜索功能，或通过左侧栏目和页面链接浏览。";
  var UNAVAILABLE = "搜索索引暂时无法加载。如果这是本地预览，请先生成网站（bash dev.sh build）；也可以通过栏目导航浏览。";
  var HINT = "请输入要查找的内容，例如代表姓名、文件标题或关键词。";

  var SCRIPT = document.currentScript ? document.currentScript.src : location.href;
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
        return pf.options({ basePath: bundle, baseUrl: base, ranking: RANKING }).then(function () {
          // Pagefind cuts a query with Intl.Segmenter for the language of this page (zh), which would
          // split the query's words (县人 -> 县 人) again. Its index is in the language "und" (see
          // search_index.py): Pagefind takes the language from <html lang> when it starts, which
          // init() does synchronously, so the attribute reads "und" for that one call only.
          var html = document.documentElement;
          var lang = html.getAttribute("lang");
          html.setAttribute("lang", INDEX_LANG);
          var started = pf.init();
          if (lang === null) html.removeAttribute("lang"); else html.setAttribute("lang", lang);
          return Promise.all([started, parts(bundle)]);
        }).then(function (done) {
          // A large site's index is built in parts (search_index.py): the others join the first
          // one, and each query searches them all (Pagefind loads its WebAssembly only once).
          return Promise.all(done[1].map(function (part) {
            return pf.mergeIndex(new URL(part, bundle).href, { baseUrl: base, ranking: RANKING, language: INDEX_LANG });
          }));
        }).then(function () { return pf; });
      });
      loading.catch(function () { loading = null; });   // let the next query try again
    }
    return loading;
  }

  /* The folders of the index's other parts, from parts.json beside pagefind.js (none on a small site). */
  function parts(bundle) {
    return fetch(new URL("parts.json", bundle).href).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (listed) { return listed.parts; });
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

  /* Arabic numbers to Chinese numerals as pages write meetings and terms (32 -> 三十二, 100 -> 一百). */
  var DIGITS = "零一二三四五六七八九";
  function chineseNumber(n) {
    if (n < 10) return DIGITS[n];
    if (n < 20) return "十" + (n % 10 ? DIGITS[n % 10] : "");
    if (n < 100) return DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? DIGITS[n % 10] : "");
    if (n < 1000) {
      var rest = n % 100;
      return DIGITS[Math.floor(n / 100)] + "百" + (rest === 0 ? "" : rest < 10 ? "零" + DIGITS[rest] : rest < 20 ? "一" + chineseNumber(rest) : chineseNumber(rest));
    }
    return String(n);
  }

  /* 第32次会议, 18届 -> 第三十二次会议, 十八届: most pages write meetings and terms in Chinese numerals,
     some in Arabic (任免名单 of some sites), so the query is searched both ways (`find`). */
  function numerals(text) {
    return text.replace(/(\d{1,3})(?=次会议|次常委会|届)/g, function (all, n) { return chineseNumber(Number(n)); });
  }

  /* The reader's forms rewritten to strings the pages hold verbatim (each rewrite keeps only what every
     form of the page holds, or splits the query where the pages put something between):
     - 第十八届… -> 十八届 … (pages write both 第十八届人民代表大会 and 十八届人大);
     - 届第十六次会议 -> 届 第十六次会议 (常务委员会 stands between them on the page);
     - 中华人民共和国安全生产法 -> 安全生产法 (pages write both), 安全生产法执法检查 -> 安全生产法 执法检查
       (the page has 《…》 between them);
     - 第15号建议 -> 第15号 建议 (a suggestion's page shows its number and its kind apart). */
  var NUMERAL = "[零一二三四五六七八九十百]+";
  function understood(text) {
    return text
      .replace(new RegExp("第((?:" + NUMERAL + "|\\d+)届)", "g"), " $1")
      .replace(/届(?=第)/g, "届 ")
      .replace(new RegExp("中华人民共和国(?=[" + CJK + "]{2})", "g"), " ")
      .replace(/([^执\s])法(?=执法|实施|检查)/g, "$1法 ")
      .replace(/(第\d+号)(?=建议|议案|答复)/g, "$1 ")
      .replace(/\s+/g, " ").trim();
  }

  /* The one segmentation, twin of hooks/renda_site/publish/search_words.py: a run of Chinese
     characters ABCD is indexed as the words A AB BC CD D (its first character, the pairs, its last
     character). A query is cut the same way, except that its first run is not opened nor its last
     closed (they may go on on the page), and searched as an exact phrase: every page holding the
     string verbatim matches. */
  var CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var RUN = new RegExp("[" + CJK + "]+", "g");

  function runWords(run, opened, closed) {
    if (run.length === 1) return [run];
    var out = opened ? [run[0]] : [];
    for (var i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    if (closed) out.push(run.slice(-1));
    return out;
  }

  function words(part) {
    var out = [];
    var at = 0;
    var m, re = new RegExp(RUN.source, "g");
    while ((m = re.exec(part))) {
      var before = part.slice(at, m.index).trim();
      if (before) out = out.concat(before.split(/\s+/));
      at = m.index + m[0].length;
      out = out.concat(runWords(m[0], m.index > 0, at < part.length));
    }
    var rest = part.slice(at).trim();
    if (rest) out = out.concat(rest.split(/\s+/));
    return out.map(function (w) { return w.toLocaleLowerCase(); });
  }

  /* The text of an indexed page back from its words (search_words.decode). */
  var TOKENS = new RegExp(" ?((?:[" + CJK + "]{1,2})(?: [" + CJK + "]{1,2})*) ?", "g");
  function decode(encoded) {
    return String(encoded || "").replace(TOKENS, function (all, group) {
      var w = group.split(" "), out = [], i = 0;
      while (i < w.length) {
        var word = w[i++];
        if (word.length === 1 && i < w.length && w[i].length === 2 && w[i][0] === word) {
          while (i < w.length && w[i].length === 2 && w[i][0] === word.slice(-1)) word += w[i++][1];
          if (i < w.length && w[i] === word.slice(-1)) i++;
        }
        out.push(word);
      }
      return out.join(" ");
    }).replace(/ ?([\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]) ?/g, "$1");
  }

  /* Each word of a part with the characters of the part it stands for: [word, start, end]. */
  function spannedWords(part) {
    var out = [];
    var at = 0;
    var m, re = new RegExp(RUN.source, "g");
    function others(text, offset) {
      var t, token = /\S+/g;
      while ((t = token.exec(text))) out.push([t[0].toLocaleLowerCase(), offset + t.index, offset + t.index + t[0].length]);
    }
    while ((m = re.exec(part))) {
      others(part.slice(at, m.index), at);
      var run = m[0], start = m.index;
      at = start + run.length;
      if (run.length === 1) { out.push([run, start, at]); continue; }
      if (start > 0) out.push([run[0], start, start + 1]);
      for (var i = 0; i + 1 < run.length; i++) out.push([run.slice(i, i + 2), start + i, start + i + 2]);
      if (at < part.length) out.push([run.slice(-1), at - 1, at]);
    }
    others(part.slice(at), at);
    return out;
  }

  // The segmentation, for the test that holds it equal to search_words.py (tests/test_search_browser.py).
  window.rdSearchWords = Object.freeze({ words: words, decode: decode, understood: understood, numerals: numerals });

  /* Strings to highlight: the parts of the query, longest first. */
  function needlesOf(text) {
    return text.split(" ").filter(Boolean).sort(function (a, b) { return b.length - a.length; });
  }

  /* A window of the page text from the first hit (back to the start of its sentence if that is
     near), with every hit in a <mark>. */
  function excerptNode(content, needles) {
    var lower = content.toLowerCase();
    var at = -1;
    for (var i = 0; i < needles.length && at < 0; i++) at = lower.indexOf(needles[i].toLowerCase());
    var start = Math.max(at, 0);
    var sentence = Math.max(content.lastIndexOf("。", start - 1), content.lastIndexOf(". ", start - 1));
    if (at > 0 && sentence >= 0 && start - sentence <= 16) start = sentence + (content[sentence] === "." ? 2 : 1);
    var end = Math.min(content.length, start + 110);
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
    var title = decode(data.meta && data.meta.title);
    a.textContent = title || data.url;
    li.appendChild(a);
    var filters = data.filters || {};
    var first = function (name) { return filters[name] ? filters[name][0] : ""; };
    var small = document.createElement("p");
    small.className = "rd-search__info";
    if (data.rdPartial) {
      var label = document.createElement("span");
      label.className = "rd-search__partial";
      label.textContent = "部分匹配";
      small.appendChild(label);
    }
    var kind = first("类型"), section = first("栏目");
    small.appendChild(document.createTextNode(     // 常委会会议 is both a kind and a section: said once
      [kind, section === kind ? "" : section, cnDate(data.meta && data.meta.date)].filter(Boolean).join(" · ")));
    li.appendChild(small);
    // The page text begins with its title, shown already: the excerpt comes from what follows.
    var content = decode(data.content);
    if (title && content.indexOf(title) === 0) content = content.slice(title.length).replace(/^[\s.。]+/, "");
    li.appendChild(excerptNode(content, state.needles));
    return li;
  }

  /* Results of equal standing (same tier, same score) newer first: a reader of a government site
     expects this year's report above an older one that says the same. */
  function newerFirst(pages, batch, start) {
    var order = pages.map(function (data, i) {
      return { data: data, score: batch[i].score, tier: start + i < state.exact ? 0 : 1,
               date: (data.meta && data.meta.date) || "", at: i };
    });
    order.sort(function (a, b) {
      return a.tier - b.tier || (a.score === b.score ? (b.date > a.date) - (b.date < a.date) : 0) || a.at - b.at;
    });
    return order;
  }

  function showMore() {
    var start = state.shown;
    var batch = state.results.slice(start, start + PER_PAGE);
    var mine = sequence;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== sequence) return;
      var first = null;
      newerFirst(pages, batch, start).forEach(function (entry) {
        entry.data.rdPartial = entry.tier > 0;
        if (entry.tier > 0 && !list.querySelector(".rd-search__apart")) {
          var line = document.createElement("li");
          line.className = "rd-search__apart";
          line.textContent = "以下结果部分匹配";
          list.appendChild(line);
        }
        var li = resultItem(entry.data);
        first = first || li;
        list.appendChild(li);
      });
      state.shown += batch.length;
      more.hidden = state.shown >= state.results.length;
      return first;
    });
  }

  /* One part of the query (the reader's words between spaces) as Pagefind is asked for it: several
     words as an exact phrase (consecutive on the page), one word as a prefix. */
  function phrase(part) {
    var w = words(part);
    return verified(part) ? "\"" + w.join(" ") + "\"" : w.join("");
  }

  /* Parts that need an exact search to say which pages hold them: all but a single character.
     Pagefind searches a lone word as a prefix and, where no word of an index starts with it, falls
     back to the longest word it starts with (for 据开 in a part of the index without it: pages
     holding 据; for 2017: pages holding 20), so a ranked search alone may list pages without the
     word. A single character has no shorter word to fall back to, and is searched as a prefix so
     that it is found inside runs too (据 in 数据开放, whose words are 数 数据 据开 开放 放). */
  function verified(part) {
    var w = words(part);
    return w.length > 1 || Array.from(w[0] || "").length > 1;
  }

  /* Pages holding every part of the query verbatim, best first. Pagefind's exact search says which
     pages hold a phrase but scores them all alike, so the order is that of the ranked search for the
     same words (the same index chunks: nothing more is fetched). */
  function exact(pf, parts, filters) {
    var all = [];
    parts.forEach(function (part) { all = all.concat(words(part)); });
    var phrases = parts.filter(verified);
    return Promise.all([pf.search(all.join(" "), { filters: filters })].concat(
      phrases.map(function (part) { return pf.search(phrase(part), { filters: filters }); })))
      .then(function (responses) {
        var ranked = responses[0];
        var holding = responses.slice(1).map(function (response) {
          var ids = {};
          response.results.forEach(function (r) { ids[r.id] = true; });
          return ids;
        });
        var results = ranked.results.filter(function (r) {
          return holding.every(function (ids) { return ids[r.id]; });
        });
        return { results: results, totalFilters: holding.length ? responses[1].totalFilters : ranked.totalFilters,
                 loose: ranked, partial: false };
      });
  }

  /* Pages holding the query in pieces, each piece verbatim: 养老体系建设 finds 养老服务体系建设 (pieces 养老
     and 体系建设). Each part of the query is cut from its start into the longest pieces the page holds
     verbatim (an exact search for a piece of two words or more); every character must be in a piece,
     and a piece of one Chinese character is too little (邱萍超 is not 邱萍 + 超). Pages must first hold
     each character in some word of the query, which keeps the candidates few. Closest first: fewer
     pieces, then Pagefind's score for the words held. Every word's index chunks were loaded by the
     ranked search already: nothing more is fetched. */
  var APART_WORDS = 12;        // longer queries (a pasted title) are not cut into pieces: too many searches
  var APART_PAGES = 100;       // the candidates, best scores first, whose pieces are checked

  function apart(pf, parts, filters, exclude) {
    var spans = parts.map(spannedWords);
    var distinct = [];
    spans.forEach(function (list) {
      list.forEach(function (s) { if (distinct.indexOf(s[0]) < 0) distinct.push(s[0]); });
    });
    // Only a run of 4 Chinese characters or more can be cut into pieces of two or more (numbers and the
    // single characters between them, as in 2024年第3期, are not searched apart: they are on most pages).
    var cuttable = parts.some(function (part) { return new RegExp("[" + CJK + "]{4}").test(part); });
    if (!cuttable || distinct.length < 2 || distinct.length > APART_WORDS) return Promise.resolve([]);
    var search = function (q) { return pf.search(q, { filters: filters }); };
    var verbatim = {};                                   // exact phrase -> promise of the ids holding it
    function holding(list, a, b) {
      var q = "\"" + list.slice(a, b + 1).map(function (s) { return s[0]; }).join(" ") + "\"";
      if (!verbatim[q]) {
        verbatim[q] = search(q).then(function (response) {
          var ids = {};
          response.results.forEach(function (r) { ids[r.id] = true; });
          return ids;
        });
      }
      return verbatim[q];
    }
    /* The number of pieces page `e` holds part p in, or 0 if it does not. */
    function pieces(e, p) {
      var list = spans[p], count = 0;
      function from(a) {
        if (a >= list.length) return Promise.resolve(count);
        if (!e.held[list[a][0]]) return Promise.resolve(0);
        function extend(b) {                             // longest piece a..b the page holds
          if (b + 1 >= list.length || !e.held[list[b + 1][0]]) return Promise.resolve(b);
          return holding(list, a, b + 1).then(function (ids) { return ids[e.result.id] ? extend(b + 1) : b; });
        }
        return extend(a).then(function (b) {
          var start = list[a][1], end = list[b][2];
          if (end - start === 1 && parts[p].length > 1 && new RegExp("[" + CJK + "]").test(parts[p][start])) return 0;
          count++;
          var next = b + 1;
          while (next < list.length && list[next][1] < end) next++;
          if (next < list.length && list[next][1] > end) return 0;   // a character in no piece
          return from(next);
        });
      }
      return from(0);
    }
    // A pair of characters as is (the ranked search scores it); a lone character or a number exactly
    // (quoted, scored alike), as a prefix it would match most of a large site.
    var pair = new RegExp("^[" + CJK + "]{2}$");
    return Promise.all(distinct.map(function (w) {
      return search(pair.test(w) ? w : "\"" + w + "\"");
    })).then(function (responses) {
      var byId = {};
      responses.forEach(function (response, i) {
        response.results.forEach(function (r) {
          if (exclude[r.id]) return;
          var e = byId[r.id] || (byId[r.id] = { result: r, held: {}, score: 0 });
          e.held[distinct[i]] = true;
          e.score += r.score;
        });
      });
      var candidates = Object.keys(byId).map(function (id) { return byId[id]; }).filter(function (e) {
        return spans.every(function (list, p) {
          var covered = new Array(parts[p].length).fill(false);
          list.forEach(function (s) { if (e.held[s[0]]) for (var k = s[1]; k < s[2]; k++) covered[k] = true; });
          return covered.every(Boolean);
        });
      }).sort(function (a, b) { return b.score - a.score; }).slice(0, APART_PAGES);
      return Promise.all(candidates.map(function (e) {
        return Promise.all(parts.map(function (part, p) { return pieces(e, p); })).then(function (counts) {
          e.pieces = counts.every(Boolean) ? counts.reduce(function (x, y) { return x + y; }, 0) : 0;
          return e;
        });
      })).then(function (checked) {
        return checked.filter(function (e) { return e.pieces > parts.length; })
          .sort(function (a, b) { return a.pieces - b.pieces || b.score - a.score; })
          .map(function (e) { return e.result; });
      });
    });
  }

  /* When nothing holds the query, verbatim or apart: pages holding all its words anywhere, else pages
     ranked by how many of its characters they hold. Shown as partial matches, never as the answer. */
  function partial(pf, parts, filters, loose) {
    var all = [];
    parts.forEach(function (part) { all = all.concat(words(part)); });
    return Promise.resolve(loose).then(function (loose) {
      if (loose.results.length || all.length < 2) {
        return { results: loose.results, totalFilters: loose.totalFilters, partial: true, exact: 0 };
      }
      return Promise.all(all.map(function (w) { return pf.search(w, { filters: filters }); })).then(function (responses) {
        var byId = {};
        responses.forEach(function (response, i) {
          response.results.forEach(function (r) {
            var e = byId[r.id] || (byId[r.id] = { result: r, chars: 0, score: 0 });
            e.chars += all[i].length;
            e.score += r.score;
          });
        });
        var results = Object.keys(byId).map(function (k) { return byId[k]; })
          .sort(function (a, b) { return b.chars - a.chars || b.score - a.score; })
          .map(function (e) { return e.result; });
        return { results: results, totalFilters: responses[0].totalFilters, partial: true, exact: 0 };
      });
    });
  }

  /* Traditional characters to simplified, with the table shipped beside this script (t2s.txt: pairs
     of characters, made from OpenCC's data by hooks/renda_site/publish/t2s_table.py). Loaded only
     when a query finds nothing as typed. */
  var table = null;
  function simplified(text) {
    if (!/[^\x00-\x7f]/.test(text)) return Promise.resolve(text);
    if (!table) {
      table = fetch(new URL("t2s.txt", SCRIPT).href).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).then(function (pairs) {
        var map = {};
        var chars = Array.from(pairs.trim());
        for (var i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
        return map;
      });
      table.catch(function () { table = null; });
    }
    return table.then(function (map) {
      return Array.from(text).map(function (c) { return map[c] || c; }).join("");
    }, function () { return text; });
  }

  /* Verbatim matches first; when they are fewer than a page, the pages holding the words apart follow
     (results from `exact` on are marked by `exact`, their count); with neither, the partial matches. */
  function find(pf, text, filters) {
    var parts = text.split(" ").filter(Boolean);
    var other = numerals(text);
    return exact(pf, parts, filters).then(function (strict) {
      if (other === text || strict.results.length >= PER_PAGE) return strict;
      return exact(pf, other.split(" ").filter(Boolean), filters).then(function (alt) {
        var seen = {};
        strict.results.forEach(function (r) { seen[r.id] = true; });
        var added = alt.results.filter(function (r) { return !seen[r.id]; });
        if (!added.length) return strict;
        if (!strict.results.length) strict.totalFilters = alt.totalFilters;
        strict.results = strict.results.concat(added);
        strict.alsoAs = other;
        return strict;
      });
    }).then(function (strict) {
      strict.exact = strict.results.length;
      if (strict.exact >= PER_PAGE) return strict;
      var exclude = {};
      strict.results.forEach(function (r) { exclude[r.id] = true; });
      // pieces in Chinese numerals, as most pages write them
      return apart(pf, other.split(" ").filter(Boolean), filters, exclude).then(function (more) {
        if (!strict.exact && !more.length) return partial(pf, parts, filters, strict.loose);
        strict.results = strict.results.concat(more);
        return strict;
      });
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
    Array.prototype.slice.call(panel.querySelectorAll(".rd-search__columns")).forEach(function (p) { p.remove(); });
    more.hidden = true;
    if (offline) { refine.hidden = true; say(OFFLINE); done(mine, raw); return Promise.resolve(); }
    if (!query.text) {
      filterBox.hidden = refine.hidden = true;
      say(String(raw || "").trim() ? "没有可搜索的文字：标点符号和特殊字符会被忽略。" + HINT : HINT);
      done(mine, raw);
      return Promise.resolve();
    }
    say("正在搜索……");
    query.text = understood(query.text);
    return pagefind().then(function (pf) {
      var filters = chosenFilters();
      return find(pf, query.text, filters).then(function (response) {
        if (response.exact) return response;
        // Nothing holds the words as typed: they may be in traditional characters (執法檢查).
        return simplified(query.text).then(function (text) {
          text = understood(text);
          if (text === query.text) return response;
          return find(pf, text, filters).then(function (converted) {
            var better = converted.exact || (converted.results.length && !converted.partial && response.partial) ||
                         (converted.results.length && !response.results.length);
            if (!better) return response;
            converted.from = query.text;
            query.text = text;
            return converted;
          });
        });
      });
    }).then(function (response) {
      if (mine !== sequence) return;
      state = { results: response.results, shown: 0, exact: response.partial ? 0 : response.exact,
                needles: needlesOf(query.text) };
      fillFilters(response.totalFilters);
      refine.hidden = filtersWanted || !response.results.length;
      var cut = (query.cut ? "（查询内容较长，只按前 " + MAX_CHARS + " 个字搜索）" : "") +
                (query.dropped ? "（已忽略标点和符号）" : "") +
                (response.from ? "（已按简体“" + query.text + "”搜索）" : "") +
                (response.alsoAs ? "（也按“" + response.alsoAs.split(" ").join("”“") + "”查找）" : "");
      var what = "“" + query.text.split(" ").join("”“") + "”";
      if (!response.results.length) {
        say("没有页面包含" + what + cut + "。建议检查是否有错别字，减少关键词，" +
            "或只输入姓名、标题中的几个字再试" + (Object.keys(chosenFilters()).length ? "，也可以把栏目、年份和类型改为“全部”" : "") +
            "；也可以通过栏目导航浏览。");
        showColumns(query.text);
        return;
      }
      var apartCount = response.results.length - state.exact;
      if (response.partial) {
        state.needles = state.needles.concat(pieces(query.text));
        say("没有页面包含" + what + cut + "。以下 " + response.results.length + " 条结果只包含其中的部分文字，仅供参考；" +
            "也可以减少关键词再试。");
        showColumns(query.text);
      } else if (!state.exact) {
        state.needles = state.needles.concat(pieces(query.text));
        say("没有页面包含完整的" + what + cut + "。以下 " + apartCount + " 条结果包含其中的全部词语，但不相连。");
      } else {
        if (apartCount) state.needles = state.needles.concat(pieces(query.text));
        say("找到 " + state.exact + " 条包含" + what + "的结果" + cut +
            (apartCount ? "；另有 " + apartCount + " 条部分匹配，列在后面" : "") + "。");
      }
      return showMore();
    }).catch(function () {
      if (mine === sequence) say(UNAVAILABLE);
    }).then(function () { done(mine, raw); });
  }

  /* The query's words of two characters or more, for marking the partial matches' excerpts. */
  function pieces(text) {
    var out = [];
    text.split(" ").forEach(function (part) {
      words(part).forEach(function (w) { if (w.length > 1 && out.indexOf(w) < 0) out.push(w); });
    });
    return out;
  }

  /* For a query that nothing holds: the site's columns (the column bar of every page) whose names share
     two characters with it, as links to browse, above the list. */
  function showColumns(text) {
    var wanted = pieces(text);
    var names = [];
    var line = document.createElement("p");
    line.className = "rd-search__columns";
    line.appendChild(document.createTextNode("可以浏览栏目："));
    Array.prototype.slice.call(document.querySelectorAll(".rd-columns__link")).forEach(function (a) {
      var name = a.textContent.trim();
      if (names.length >= 3 || names.indexOf(name) >= 0 || !wanted.some(function (w) { return name.indexOf(w) >= 0; })) return;
      if (names.length) line.appendChild(document.createTextNode("、"));
      var link = document.createElement("a");
      link.href = a.href;
      link.textContent = name;
      line.appendChild(link);
      names.push(name);
    });
    if (names.length) list.parentNode.insertBefore(line, list);
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
