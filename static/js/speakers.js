// The speakers of an agenda item (templates/manage/agenda/speakers.html): a search box filters
// the participants' checkboxes as one types (case, accents and extra spaces ignored; every word
// typed must be found in the name, the function or the delegation). The people ticked stay in
// the list whatever is typed. When nobody matches, a button offers to add the typed name as a
// new person: it fills the "Add a person" name and moves on to the function.
// Without this script the form still works: every checkbox shows, and "Add a person" is there.
// A file of its own: the site's Content-Security-Policy allows no inline script.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector("[data-speakers]");
  var search = box && box.querySelector("[data-speaker-search]");
  var name = document.getElementById("new_speaker_name");
  var fn = document.getElementById("new_speaker_function");
  if (!search || !name || !fn) {
    return;
  }
  var input = search.querySelector("input[type=search]");
  var result = search.querySelector("[data-none]");
  var add = search.querySelector("[data-add-typed]");

  function folded(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  var groups = Array.prototype.map.call(
    box.querySelectorAll("[data-speaker-group]"),
    function (group) {
      var legend = group.querySelector("legend");
      var words = legend ? legend.textContent : "";
      return {
        element: group,
        people: Array.prototype.map.call(
          group.querySelectorAll("[data-speaker]"),
          function (row) {
            return {
              row: row,
              checkbox: row.querySelector("input"),
              text: folded(row.textContent + " " + words),
            };
          }
        ),
      };
    }
  );

  function filter() {
    var typed = folded(input.value);
    var words = typed ? typed.split(" ") : [];
    var matches = 0;
    groups.forEach(function (group) {
      var shown = 0;
      group.people.forEach(function (person) {
        var match = words.every(function (word) {
          return person.text.indexOf(word) !== -1;
        });
        if (match) {
          matches += 1;
        }
        person.row.hidden = !(match || person.checkbox.checked);
        if (!person.row.hidden) {
          shown += 1;
        }
      });
      group.element.hidden = shown === 0;
    });
    var nobody = words.length > 0 && matches === 0;
    var shownTyped = input.value.trim();
    result.textContent = nobody ? result.dataset.none.split("{typed}").join(shownTyped) : "";
    add.textContent = nobody ? add.dataset.label.split("{typed}").join(shownTyped) : "";
    add.hidden = !nobody;
  }

  input.addEventListener("input", filter);
  input.addEventListener("keydown", function (event) {
    // Enter in the search box would send the whole form: it adds the typed name instead, when
    // nobody matches, and does nothing otherwise.
    if (event.key === "Enter") {
      event.preventDefault();
      if (!add.hidden) {
        add.click();
      }
    }
  });
  add.addEventListener("click", function () {
    name.value = input.value.trim();
    input.value = "";
    filter();
    fn.focus();
  });
  search.hidden = false;
  if (input.value) {
    filter(); // a value the browser kept on going back
  }
});
