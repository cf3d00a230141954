// Article page: clicking a highlighted statement (or its entry in the list) shows its details.
(function () {
  "use strict";
  var panelHint = document.getElementById("statement-hint");

  function show(index) {
    var details = document.querySelectorAll(".statement-detail");
    for (var i = 0; i < details.length; i++) details[i].hidden = true;
    var detail = document.getElementById("statement-" + index);
    if (!detail) return;
    detail.hidden = false;
    if (panelHint) panelHint.hidden = true;
    var marks = document.querySelectorAll("#article-text [data-statements]");
    for (var j = 0; j < marks.length; j++) {
      var own = (" " + marks[j].getAttribute("data-statements") + " ").indexOf(" " + index + " ") >= 0;
      marks[j].classList.toggle("active", own);
    }
  }

  function onActivate(event) {
    var el = event.target.closest("[data-statement]");
    if (!el || el.classList.contains("statement-detail")) return;
    show(el.getAttribute("data-statement"));
    if (el.classList.contains("statement-link")) {
      var first = document.querySelector('#article-text [data-statement="' + el.getAttribute("data-statement") + '"]');
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("click", onActivate);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") onActivate(event);
  });
  var m = /^#statement-(\d+)$/.exec(window.location.hash);
  if (m) show(m[1]);
})();
