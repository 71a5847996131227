// The agenda's rows form (templates/manage/agenda/rows.html), enhanced: "More rows" copies the
// last row blank with the next index (rows-N-field) instead of sending the form; "Remove the
// row" takes a row out. Without this script the form still works: the server adds the rows.
(function () {
  "use strict";
  var body = document.querySelector("[data-rows]");
  var add = document.querySelector("[data-add-row]");
  if (!body || !add) return;

  function nextIndex() {
    var highest = -1;
    body.querySelectorAll("[name^='rows-']").forEach(function (input) {
      var match = /^rows-(\d+)-/.exec(input.name);
      if (match) highest = Math.max(highest, Number(match[1]));
    });
    return highest + 1;
  }

  function wire(row) {
    var remove = row.querySelector("[data-remove-row]");
    remove.hidden = false;
    remove.addEventListener("click", function () {
      if (body.querySelectorAll("[data-row]").length > 1) {
        row.remove();
      } else {
        row.querySelectorAll("input").forEach(function (input) {
          if (input.type === "checkbox") input.checked = false;
          else input.value = "";
        });
      }
    });
  }

  body.querySelectorAll("[data-row]").forEach(wire);
  add.addEventListener("click", function (event) {
    event.preventDefault();
    var rows = body.querySelectorAll("[data-row]");
    var copy = rows[rows.length - 1].cloneNode(true);
    var index = nextIndex();
    copy.classList.remove("invalid");
    copy.querySelectorAll(".error").forEach(function (message) { message.remove(); });
    copy.querySelectorAll("[name^='rows-']").forEach(function (input) {
      input.name = input.name.replace(/^rows-\d+-/, "rows-" + index + "-");
      input.id = input.name;
      input.removeAttribute("aria-invalid");
      if (input.type === "checkbox") input.checked = false;
      else if (input.tagName !== "SELECT") input.value = "";
    });
    body.appendChild(copy);
    wire(copy);
    copy.querySelector("input").focus();
  });
})();
