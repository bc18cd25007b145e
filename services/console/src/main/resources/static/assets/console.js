// Copy buttons on the sharing panel; without JavaScript the links stay selectable in their fields.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy"));
  var done = function () { button.textContent = button.getAttribute("data-copied"); };
  field.select();
  var copied = false;
  try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
  if (copied) {
    done();
  } else if (navigator.clipboard) {
    navigator.clipboard.writeText(field.value).then(done, function () {});
  }
});

// The coordinator's time zone as the browser knows it: the console writes times in it and reads schedules typed in it.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("chorus_tz=" + encodeURIComponent(zone)) < 0) {
      document.cookie = "chorus_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
    }
  } catch (e) { /* no Intl: times stay in the statement's zone */ }
})();

// The dashboard's live part: fetched again every 3 seconds and put in place. Without JavaScript the page is complete
// as sent, with a link to load it again. A session that ended answers with the sign-in page: then it stops.
(function () {
  var live = document.querySelector("[data-live]");
  if (!live || !window.fetch) return;
  var url = live.getAttribute("data-live");
  var timer = setInterval(function () {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" }, redirect: "manual" })
      .then(function (answer) {
        if (answer.status !== 200) { clearInterval(timer); return null; }
        return answer.text();
      })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live]");
        if (fresh) live.innerHTML = fresh.innerHTML;
      })
      .catch(function () {});
  }, 3000);
})();
