/* The reader's only script: centres the selected sentence when the page loads
   and steps through the time expressions. It scrolls the text's own box, never
   with scrollIntoView, which would also scroll the dashboard around the iframe
   on every rerun. It never builds markup; the counter is set as text. */
"use strict";

(function () {
  var box = document.getElementById("text");
  var marks = Array.prototype.slice.call(box.querySelectorAll("mark.timex"));
  var position = document.getElementById("position");
  var current = -1;

  function centre(element) {
    var rect = element.getBoundingClientRect(), view = box.getBoundingClientRect();
    box.scrollTop += rect.top - view.top - (box.clientHeight - rect.height) / 2;
  }

  function inView(element) {
    var rect = element.getBoundingClientRect(), view = box.getBoundingClientRect();
    return rect.bottom > view.top && rect.top < view.bottom;
  }

  // from the one shown last while it is in view, else from the first (or last) in view
  function step(forward) {
    if (current >= 0 && inView(marks[current])) {
      return (current + (forward ? 1 : marks.length - 1)) % marks.length;
    }
    var view = box.getBoundingClientRect();
    for (var i = 0; i < marks.length; i++) {
      var index = forward ? i : marks.length - 1 - i;
      var rect = marks[index].getBoundingClientRect();
      if (forward ? rect.top >= view.top : rect.bottom <= view.bottom) { return index; }
    }
    return forward ? 0 : marks.length - 1;  // past the last one: round again, as find does
  }

  function choose(index) {
    if (current >= 0) { marks[current].classList.remove("current"); }
    current = index;
    marks[current].classList.add("current");
    position.textContent = (current + 1) + " / " + marks.length;
  }

  function go(forward) {
    choose(step(forward));
    centre(marks[current]);
  }

  document.getElementById("previous").addEventListener("click", function () { go(false); });
  document.getElementById("next").addEventListener("click", function () { go(true); });
  window.addEventListener("load", function () {
    var selected = document.getElementById("selected");
    if (!selected) { return; }
    // the selected event's own expression is where stepping starts
    var index = marks.findIndex(function (mark) {
      return mark.dataset.timex === selected.dataset.timex && selected.contains(mark);
    });
    if (index >= 0) { choose(index); }
    centre(selected);
  });
})();
