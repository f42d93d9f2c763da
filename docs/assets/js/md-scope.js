/* Material for MkDocs' start-up script (partials/javascripts/base.html), moved from an inline <script>
   into this file so that the site's Content-Security-Policy needs no 'unsafe-inline' for scripts. Same
   globals, same behaviour: the storage scope is the site root, given by the tag's data-md-scope. */
(function () {
  var scope = document.currentScript && document.currentScript.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope || ".", location);
  window.__md_hash = function (e) {
    return [].concat(Array.from(e)).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (e, store, at) {
    store = store === undefined ? localStorage : store;
    at = at === undefined ? window.__md_scope : at;
    return JSON.parse(store.getItem(at.pathname + "." + e));
  };
  window.__md_set = function (e, value, store, at) {
    store = store === undefined ? localStorage : store;
    at = at === undefined ? window.__md_scope : at;
    try { store.setItem(at.pathname + "." + e, JSON.stringify(value)); } catch (error) { /* storage full or disabled */ }
  };
})();
