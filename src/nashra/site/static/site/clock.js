/* Keeps the header clock live in Dubai time, whatever the reader's device zone.
   The server renders the first value; this replaces it at once (a cached page may be a
   minute old) and then on every minute boundary. */
(function () {
  "use strict";
  var ZONE = "Asia/Dubai";

  function parts(date, locale) {
    var out = {};
    new Intl.DateTimeFormat(locale, {
      timeZone: ZONE, hour: "numeric", minute: "2-digit", hour12: true,
      weekday: "long", day: "numeric", month: "long", year: "numeric", numberingSystem: "latn"
    }).formatToParts(date).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }

  function english(date) {
    var p = parts(date, "en-GB");
    var meridiem = (p.dayPeriod || "").toUpperCase().replace(/\./g, "");
    return p.hour + "." + p.minute + " " + meridiem + " " + p.weekday + ", " + p.day + " " + p.month + " " + p.year;
  }

  function arabic(date) {
    var p = parts(date, "ar-AE");
    return p.hour + ":" + p.minute + " " + p.dayPeriod + " " + p.weekday + "، " + p.day + " " + p.month + " " + p.year;
  }

  function render(node) {
    var now = new Date();
    var time = node.querySelector("time") || node;
    time.textContent = node.getAttribute("data-locale") === "ar" ? arabic(now) : english(now);
    time.setAttribute("datetime", now.toISOString());
    document.dispatchEvent(new CustomEvent("nashra:minute", { detail: { now: now } }));
  }

  function start() {
    var nodes = document.querySelectorAll("[data-clock]");
    if (!nodes.length || !window.Intl) { return; }
    var tick = function () { nodes.forEach(render); };
    tick();
    var wait = 60000 - (Date.now() % 60000);
    setTimeout(function () { tick(); setInterval(tick, 60000); }, wait + 50);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
