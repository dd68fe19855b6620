// The embed docs page (embed.html): put this site's origin into the snippet, and copy it.
// The snippet is text (textContent), never markup.
(function () {
  "use strict";
  function start() {
    var code = document.getElementById("embed-snippet");
    var button = document.getElementById("copy-snippet");
    var status = document.getElementById("copy-status");
    if (!code || !button) return;
    var origin = /^https?:$/.test(location.protocol) ? location.origin : "https://OUR-SITE";
    code.textContent = code.getAttribute("data-template").split("ORIGIN").join(origin);
    button.addEventListener("click", function () {
      var done = function () { status.textContent = button.getAttribute("data-done"); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.textContent).then(done, select);
      } else {
        select();
      }
    });
    function select() {
      var range = document.createRange();
      range.selectNodeContents(code);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
