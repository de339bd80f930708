/* Gemeenten vergelijken: on a phone, two or three municipalities side by side. Without
   JavaScript every column shows (the table scrolls sideways) and prints. */
(function () {
  "use strict";

  function start(root) {
    if (root.dataset.mkReady) return;
    root.dataset.mkReady = "1";
    var picker = root.querySelector("[data-mk-compare-picker]");
    var status = root.querySelector("[data-mk-compare-status]");
    var boxes = Array.prototype.slice.call(picker.querySelectorAll("input[type=checkbox]"));

    function show() {
      var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      Array.prototype.forEach.call(root.querySelectorAll("[data-col]"), function (cell) {
        cell.classList.toggle("mk-compare__off", chosen.indexOf(cell.getAttribute("data-col")) < 0);
      });
      var names = boxes.filter(function (box) { return box.checked; }).map(function (box) {
        return box.parentNode.textContent.trim();
      });
      status.textContent = names.length ? "U vergelijkt: " + names.join(", ") + "." : "Kies een of meer gemeenten.";
    }

    // A phone compares two or three; a wide screen shows them all (the picker can narrow it).
    if (!window.matchMedia("(max-width: 44.9375em)").matches) {
      boxes.forEach(function (box) { box.checked = true; });
    }
    picker.hidden = false;
    root.classList.add("mk-compare--picked");
    picker.addEventListener("change", show);
    show();
  }

  function onPage() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mk-compare]"), start);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(onPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();
