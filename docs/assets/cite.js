// "Cite this": the date of access is today's, filled in when the page is read,
// and the citation and the short link can be copied with one click.
(function () {
  function today() {
    var now = new Date();
    function two(number) { return (number < 10 ? "0" : "") + number; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function setUp() {
    document.querySelectorAll(".cite-accessed").forEach(function (slot) {
      slot.textContent = today();
    });
    // The citation, and the short link near the top (its full address in data-copy-text).
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-copy-text") || source.textContent.trim();
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = button.getAttribute("data-copied");
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
