/* 代表建议列表的筛选：读者按办理状态、承办单位、类别和代表筛选本页列表（记录页面的生成器写出完整列表）。
   没有脚本时筛选表单保持隐藏，列表完整显示；有脚本时显示表单，筛选条件写进地址栏，便于转发。
   只用原生的下拉框和按钮，键盘可以完全操作；结果数目由 role="status" 的区域读出。 */
(function () {
  "use strict";

  function values(item, name) {
    return (item.getAttribute("data-" + name) || "").split(" ");
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-rd-filter"));
    if (!list) { return; }
    var items = Array.prototype.slice.call(list.querySelectorAll(":scope > li"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = form.querySelector(".rd-filter__count");
    var empty = document.querySelector("[data-rd-filter-empty='" + list.id + "']");

    function apply(remember) {
      var shown = 0;
      items.forEach(function (item) {
        var keep = selects.every(function (select) {
          return !select.value || values(item, select.getAttribute("data-filter")).indexOf(select.value) !== -1;
        });
        item.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      var active = selects.some(function (select) { return select.value; });
      count.textContent = active ? "符合条件的建议 " + shown + " 件（共 " + items.length + " 件）" : "共 " + items.length + " 件建议";
      if (empty) { empty.hidden = shown > 0; }
      if (remember && window.history && window.history.replaceState) {
        var params = new URLSearchParams(window.location.search);
        selects.forEach(function (select) {
          if (select.value) { params.set(select.name, select.value); } else { params.delete(select.name); }
        });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
      select.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-rd-filter]"), setup);
})();
