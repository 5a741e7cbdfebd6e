/* The header's prayer strip on a phone: one city's six times, the reader's city
   remembered in this browser (default Dubai), and a button that shows all the cities.
   Without JavaScript the strip shows Dubai's row and the "Prayer times" link leads to
   every city. On wider screens the whole table shows and these controls are hidden. */
(function () {
  "use strict";
  var KEY = "nashra.prayer-city";

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function remember(slug) {
    try { window.localStorage.setItem(KEY, slug); } catch (e) { /* private mode: not kept */ }
  }

  function choose(panel, slug) {
    var rows = panel.querySelectorAll("tbody tr[data-place]");
    var chosen = null;
    rows.forEach(function (row) { if (row.getAttribute("data-place") === slug) { chosen = row; } });
    chosen = chosen || rows[0];
    if (!chosen) { return; }
    rows.forEach(function (row) { row.classList.toggle("is-chosen", row === chosen); });
    panel.querySelector("[data-prayer-city]").value = chosen.getAttribute("data-place");
    panel.classList.add("has-city");
  }

  function setUp(panel) {
    var select = panel.querySelector("[data-prayer-city]");
    var toggle = panel.querySelector("[data-prayer-expand]");
    if (!select || !toggle) { return; }
    select.parentElement.hidden = false;
    toggle.hidden = false;
    choose(panel, remembered() || select.value);
    select.addEventListener("change", function () {
      remember(select.value);
      choose(panel, select.value);
    });
    toggle.addEventListener("click", function () {
      var expanded = panel.classList.toggle("is-expanded");
      toggle.setAttribute("aria-expanded", expanded ? "true" : "false");
    });
  }

  function start() { document.querySelectorAll("[data-prayer-header]").forEach(setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
