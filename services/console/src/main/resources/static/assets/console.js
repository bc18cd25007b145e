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
