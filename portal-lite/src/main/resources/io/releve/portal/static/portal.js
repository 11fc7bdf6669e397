// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // take the visitor straight to what went wrong in a form
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
    // an open <dialog> is shown in the page without script; with it, it becomes modal
    var dialogs = document.querySelectorAll("dialog[open]");
    for (var i = 0; i < dialogs.length; i++) {
      var dialog = dialogs[i];
      if (typeof dialog.showModal === "function") {
        dialog.close();
        dialog.showModal();
      }
    }
  });
})();

// "Imprimer" on a statement: shown only when there is a script to run it
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        window.print();
      });
    }
  });
})();
