/* "Voor verwijzers": filters by municipality, respite form and target group, sorting by any
   column, and a print button. Without JavaScript the whole table shows and prints. */
(function () {
  "use strict";

  function start(table) {
    if (table.dataset.mkReady) return;
    table.dataset.mkReady = "1";
    var page = table.closest(".mk-referrers");
    var form = page.querySelector("[data-mk-referrers-filters]");
    var status = page.querySelector("[data-mk-referrers-status]");
    var printer = page.querySelector("[data-mk-print]");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);

    function has(row, name, value) {
      return !value || (" " + (row.getAttribute("data-" + name) || "") + " ").indexOf(" " + value + " ") >= 0;
    }

    function filter() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = has(row, "gemeenten", form.gemeente.value) && has(row, "vorm", form.vorm.value) &&
          has(row, "doelgroepen", form.doelgroep.value);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = shown === 1 ? "1 dienst." : shown + " diensten.";
    }

    function sortBy(index, button) {
      var ascending = button.getAttribute("data-direction") !== "ascending";
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (th) {
        th.removeAttribute("aria-sort");
        var other = th.querySelector("button");
        if (other) other.removeAttribute("data-direction");
      });
      button.setAttribute("data-direction", ascending ? "ascending" : "descending");
      button.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      function key(row) {
        var cell = row.cells[index];
        return (cell.getAttribute("data-sort") || cell.textContent).trim().toLocaleLowerCase("nl");
      }
      rows.sort(function (a, b) {
        var order = key(a).localeCompare(key(b), "nl", { numeric: true });
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      status.textContent = "Gesorteerd op " + button.textContent.trim().toLowerCase() +
        (ascending ? ", van A naar Z." : ", van Z naar A.");
    }

    Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mk-referrers__sort";
      button.textContent = th.textContent;
      button.addEventListener("click", function () { sortBy(index, button); });
      th.textContent = "";
      th.appendChild(button);
    });
    form.hidden = false;
    form.addEventListener("change", filter);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (printer) {
      printer.hidden = false;
      printer.addEventListener("click", function () { window.print(); });
    }
  }

  function onPage() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mk-referrers]"), start);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(onPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();
