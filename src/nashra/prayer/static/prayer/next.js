/* Moves the "next prayer" highlight in prayer tables as time passes.
   Each cell carries its instant (ISO 8601 with offset) in data-at; sunrise is shown but is
   not a prayer. Uses Date.now(), so a page served from cache is still right. The header
   clock (site/clock.js) dispatches `nashra:minute` on load and on each minute. */
(function () {
  "use strict";

  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-prayer-table]").forEach(function (table) {
      var jumuahNext = false;
      table.querySelectorAll("tr").forEach(function (row) {
        var found = false;
        row.querySelectorAll("td[data-prayer]").forEach(function (cell) {
          var at = Date.parse(cell.getAttribute("data-at") || "");
          var next = !found && cell.getAttribute("data-prayer") !== "sunrise" && !isNaN(at) && at > now;
          cell.classList.toggle("is-next", next);
          if (next) {
            found = true;
            if (cell.getAttribute("data-prayer") === "dhuhr") { jumuahNext = true; }
          }
        });
      });
      var jumuah = table.querySelector("[data-jumuah]");
      if (jumuah) {
        var at = Date.parse(jumuah.getAttribute("data-at") || "");
        jumuah.classList.toggle("is-next", jumuahNext && at > now);
      }
    });
  }

  document.addEventListener("nashra:minute", update);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", update); } else { update(); }
}());
