// The filter forms of the long lists. Without JavaScript they stay hidden and every list reads
// page by page.
(function () {
  "use strict";

  // All postmortems: a plain GET form to the search page, which needs scripts to list matches.
  var listForm = document.getElementById("filters");
  if (listForm) { listForm.hidden = false; }

  // Action items: each owner's and service's items are in actions/filter/<facet>-<value>.json.
  // The smallest chosen file is loaded and the other choices are applied to its rows; a list
  // (overdue, open on time, closed) chosen alone opens that list's own pages.
  var form = document.getElementById("action-filters");
  if (!form) { return; }
  var filterRoot = form.getAttribute("data-filter-root");
  var root = form.getAttribute("data-root");
  var list = document.getElementById("action-list");
  var results = document.getElementById("action-results");
  var status = document.getElementById("action-results-status");
  var body = results.querySelector("tbody");
  var more = document.getElementById("action-results-more");
  var controls = Array.prototype.slice.call(form.querySelectorAll("[data-facet]"));
  var listSelect = form.querySelector("[data-list]");
  var pageSize = 50;
  var loaded = {};
  var matches = [];
  var shown = 0;
  var generation = 0;

  function chosen() {
    return controls.map(function (control) {
      if (!control.value) { return null; }
      var option = control.options[control.selectedIndex];
      return { facet: control.getAttribute("data-facet"), value: control.value, count: +option.getAttribute("data-count") };
    }).filter(Boolean);
  }

  function load(choice) {
    var file = choice.facet + "-" + choice.value + ".json";
    if (!loaded[file]) {
      loaded[file] = fetch(filterRoot + file).then(function (response) {
        if (!response.ok) { throw new Error(file + ": " + response.status); }
        return response.json();
      });
    }
    return loaded[file];
  }

  function admits(row, choice) {
    switch (choice.facet) {
      case "owner": return row.owner_slug === choice.value;
      case "service": return row.services.indexOf(choice.value) !== -1;
    }
    return true;
  }

  function cell(label, className) {
    var td = document.createElement("td");
    td.setAttribute("data-label", label);
    if (className) { td.className = className; }
    return td;
  }

  function link(text, href, className) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (className) { a.className = className; }
    return a;
  }

  function span(text, className) {
    var s = document.createElement("span");
    s.className = className;
    s.textContent = text;
    return s;
  }

  // The same cells as the action-table layout.
  function rowElement(row) {
    var tr = document.createElement("tr");
    if (row.days_overdue !== undefined) { tr.className = "is-overdue"; }
    var action = cell("Action");
    action.appendChild(document.createTextNode(row.text));
    if (row.link) {
      action.appendChild(document.createTextNode(" "));
      var tracking = link("tracking issue", row.link, "tracking");
      tracking.rel = "noopener noreferrer";
      action.appendChild(tracking);
    }
    var owner = cell("Owner");
    owner.appendChild(row.owner ? link(row.owner, root + row.owner_url) : span("No owner", "flag flag-missing"));
    var due = cell("Due", "nowrap");
    due.appendChild(row.due ? document.createTextNode(row.due) : span("none", "muted"));
    if (row.due && row.due_from_sla) { due.appendChild(span(" (SLA)", "sla-note")); }
    if (row.days_overdue !== undefined) {
      due.appendChild(document.createElement("br"));
      due.appendChild(span("Overdue " + row.days_overdue + "d", "flag flag-overdue"));
    }
    var state = cell("Status");
    state.appendChild(span(row.status_label, "status status-" + row.status));
    var incident = cell("Postmortem");
    incident.appendChild(link(row.incident_title, root + row.incident_url));
    [action, owner, due, state, incident].forEach(function (td) { tr.appendChild(td); });
    return tr;
  }

  function count(n, word) {
    return n.toLocaleString("en-US") + " " + word + (n === 1 ? "" : "s");
  }

  function showMore() {
    var end = Math.min(matches.length, shown + pageSize);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i += 1) { fragment.appendChild(rowElement(matches[i])); }
    body.appendChild(fragment);
    shown = end;
    status.textContent = matches.length === 0
      ? "No action item matches these filters. Clear a filter to see more."
      : count(matches.length, "matching action item") + (shown < matches.length ? ", showing " + shown.toLocaleString("en-US") : "");
    more.hidden = shown >= matches.length;
  }

  function remember(choices) {
    if (!window.history || !window.history.replaceState || location.protocol === "file:") { return; }
    var params = new URLSearchParams();
    choices.forEach(function (choice) { params.set(choice.facet, choice.value); });
    if (listSelect.value) { params.set("list", listSelect.value); }
    var query = params.toString();
    window.history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  function apply() {
    var choices = chosen();
    remember(choices);
    generation += 1;
    var current = generation;
    if (choices.length === 0) {
      var option = listSelect.options[listSelect.selectedIndex];
      var target = listSelect.value ? option.getAttribute("data-url") : null;
      if (target && new URL(target, location.href).pathname !== location.pathname) {
        location.href = target;
        return;
      }
      results.hidden = true;
      list.hidden = false;
      return;
    }
    var smallest = choices.reduce(function (a, b) { return b.count < a.count ? b : a; });
    status.textContent = "Loading…";
    results.hidden = false;
    list.hidden = true;
    load(smallest).then(function (rows) {
      if (current !== generation) { return; }
      matches = rows.filter(function (row) {
        return (!listSelect.value || row.list === listSelect.value) &&
          choices.every(function (choice) { return admits(row, choice); });
      });
      body.textContent = "";
      shown = 0;
      showMore();
    }).catch(function (error) {
      if (current !== generation) { return; }
      status.textContent = "The filter data could not be loaded (" + error.message + "). The lists below still show every item.";
      list.hidden = false;
    });
  }

  // Filters can be linked: actions/index.html?owner=alice&list=overdue
  var initial = new URLSearchParams(location.search);
  controls.concat([listSelect]).forEach(function (control) {
    var value = initial.get(control.name);
    if (value && control.querySelector('option[value="' + CSS.escape(value) + '"]')) { control.value = value; }
    control.addEventListener("change", apply);
  });
  more.addEventListener("click", showMore);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  if (chosen().length > 0) { apply(); }
})();
