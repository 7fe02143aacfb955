// Filters the all-postmortems table by severity, service and year, without a server.
// Without JavaScript the form stays hidden and the page is the plain full list.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.incidents tbody tr"));
  var count = document.getElementById("filter-count");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));

  function matches(row, select) {
    var wanted = select.value;
    if (!wanted) { return true; }
    var key = select.getAttribute("data-filter");
    var value = row.getAttribute("data-" + key) || "";
    // data-services holds space-separated slugs padded with spaces.
    return key === "services" ? value.indexOf(" " + wanted + " ") !== -1 : value === wanted;
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (select) { return matches(row, select); });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    if (count) { count.textContent = shown + " of " + rows.length + " shown"; }
    var params = new URLSearchParams();
    selects.forEach(function (select) { if (select.value) { params.set(select.name, select.value); } });
    var query = params.toString();
    if (window.history && window.history.replaceState && location.protocol !== "file:") {
      window.history.replaceState(null, "", query ? "?" + query : location.pathname);
    }
  }

  // Filters can be linked: postmortems/index.html?severity=sev1&year=2025
  var initial = new URLSearchParams(location.search);
  selects.forEach(function (select) {
    var value = initial.get(select.name);
    if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) { select.value = value; }
    select.addEventListener("change", apply);
  });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
