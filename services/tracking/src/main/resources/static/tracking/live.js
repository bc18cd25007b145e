// Live dashboard: replaces the live part of the page with what the server renders after each applied event.
// The page is complete without this file; it only saves the reload.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.EventSource) {
    return;
  }
  var source = new EventSource(live.getAttribute("data-source"));
  source.addEventListener("live", function (event) {
    live.innerHTML = event.data;
    live.setAttribute("data-updated", String(Date.now()));
  });
})();
