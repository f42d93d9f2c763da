/* Reader controls: text size (字号) that persists, 打印本页, and link addresses for print.
   No library, no network. The stored size is applied earlier, in <head> (overrides/partials/rd-head.html),
   so the page never flickers from one size to another; this file only wires up the buttons. */
(function () {
  "use strict";
  var KEY = "rd-text-size";
  var root = document.documentElement;

  function store(size) {
    try {
      if (size === "m") { localStorage.removeItem(KEY); } else { localStorage.setItem(KEY, size); }
    } catch (e) { /* private mode or storage disabled: the size still applies to this page */ }
  }

  function apply(size, buttons) {
    if (size === "m") { root.removeAttribute("data-rd-size"); } else { root.setAttribute("data-rd-size", size); }
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-rd-size") === size)); });
  }

  var group = document.querySelector("[data-rd-textsize]");
  if (group) {
    var buttons = Array.prototype.slice.call(group.querySelectorAll("button[data-rd-size]"));
    apply(root.getAttribute("data-rd-size") || "m", buttons);
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var size = b.getAttribute("data-rd-size");
        apply(size, buttons);
        store(size);
      });
    });
    group.hidden = false;
  }

  var print = document.querySelector("[data-rd-print]");
  if (print && typeof window.print === "function") {
    print.addEventListener("click", function () { window.print(); });
    print.hidden = false;
  }

  /* Material's menu button (phones, zoomed desktops) is a <label> for a hidden checkbox: not focusable,
     and a label may not take role="button". A real <button> with the same look takes its place: Enter/
     Space/click open the drawer and move focus into it, Escape closes it and returns focus. */
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  if (drawer && label) {
    var menu = document.createElement("button");
    menu.type = "button";
    menu.className = label.className + " rd-menu";
    menu.innerHTML = label.innerHTML;
    menu.setAttribute("aria-label", "栏目导航");
    label.parentNode.insertBefore(menu, label);
    label.style.display = "none";
    var sync = function () { menu.setAttribute("aria-expanded", String(drawer.checked)); };
    var toggle = function (open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
      sync();
      if (open) {
        var first = document.querySelector(".md-sidebar--primary a[href]");
        if (first) { setTimeout(function () { first.focus(); }, 30); }
      } else {
        menu.focus();
      }
    };
    sync();
    drawer.addEventListener("change", sync);
    menu.addEventListener("click", function () { toggle(!drawer.checked); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && drawer.checked) { toggle(false); }
    });
  }

  /* Printed links show their full address (the print stylesheet reads data-rd-url): a relative href
     such as ../../daibiao/d0001/ means nothing on paper. */
  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (a) {
    var href = a.getAttribute("href");
    if (href.charAt(0) === "#" || a.classList.contains("headerlink") || a.closest(".md-content__button")) { return; }
    a.setAttribute("data-rd-url", a.href);
  });
})();
