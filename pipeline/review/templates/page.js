(function () {
  function mark() {
    document.querySelectorAll('.is-target').forEach(function (e) { e.classList.remove('is-target'); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    el.classList.add('is-target');
    document.querySelectorAll('tr[data-sentence]').forEach(function (row) {
      if (row.getAttribute('data-sentence') === id) row.classList.add('is-target');
    });
  }
  document.addEventListener('click', function (ev) {
    var row = ev.target.closest('tr[data-sentence]');
    if (row && !ev.target.closest('a')) location.hash = row.getAttribute('data-sentence');
  });
  window.addEventListener('hashchange', mark);
  mark();
})();
