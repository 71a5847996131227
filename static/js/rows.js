// The rows forms of the staff pages (templates/manage/delegations/rows.html): "More rows" adds
// one empty row in place instead of sending the form, and each row gets a "Remove the row"
// button. Without this script the form still works: the server adds the rows.
// A file of its own: the site's Content-Security-Policy allows no inline script.
window.addEventListener("DOMContentLoaded", function () {
  var table = document.querySelector("[data-rows]");
  var template = document.querySelector("[data-row-template]");
  var add = document.querySelector("[data-add-row]");
  if (!table || !template || !add) {
    return;
  }
  var body = table.tBodies[0];
  var next = body.querySelectorAll("[data-row]").length + 1;

  function removable(scope) {
    scope.querySelectorAll("[data-remove-row]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var row = button.closest("tr");
        var after = row.nextElementSibling;
        if (after && after.classList.contains("row-errors")) {
          after.remove();
        }
        row.remove();
      });
    });
  }

  add.addEventListener("click", function (event) {
    event.preventDefault();
    var html = template.innerHTML.split("__row__").join(String(next));
    next += 1;
    var holder = document.createElement("tbody");
    holder.innerHTML = html;
    var row = holder.querySelector("[data-row]");
    body.appendChild(row);
    removable(row);
    var first = row.querySelector("input, select");
    if (first) {
      first.focus();
    }
  });
  removable(body);
});
