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
