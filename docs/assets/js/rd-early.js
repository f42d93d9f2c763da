/* Runs in <head>, before the body exists: applies the reader's stored text size (字号) and contrast
   (高对比度) to <html>, so the first paint already has them. The values match renda.js. */
(function () {
  try {
    var root = document.documentElement;
    var size = localStorage.getItem("rd-text-size");
    if (/^(s|l|xl)$/.test(size)) { root.setAttribute("data-rd-size", size); }
    if (localStorage.getItem("rd-contrast") === "high") { root.setAttribute("data-rd-contrast", "high"); }
  } catch (e) { /* storage disabled: default size and contrast */ }
})();
