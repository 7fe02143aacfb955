// On a phone the main navigation is one row that scrolls sideways: bring the current page's
// item into view when it is past the right edge. Vertical scroll is never touched.
(function () {
  var list = document.querySelector('.site-nav ul');
  var current = list && list.querySelector('[aria-current="page"]');
  if (!current) return;
  var overflow = current.getBoundingClientRect().right - list.getBoundingClientRect().right;
  if (overflow > 0) list.scrollLeft += overflow + 16;
})();
