// The console's progressive script: the pages work without it. It ticks the "next
// update" countdowns every second and, on pages that ask for it (<main data-live>),
// re-asks the server every second with the page's ETag and swaps <main> when it changed,
// so a second browser sees an update within about two seconds.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function tick() {
    var now = Date.now();
    document.querySelectorAll('.countdown[data-due]').forEach(function (el) {
      var due = Number(el.getAttribute('data-due'));
      var minutes = Math.floor(Math.abs(due - now) / 60000);
      var text;
      if (due < now && minutes >= 1) {
        text = el.getAttribute('data-over').replace('{m}', String(minutes));
      } else if (minutes < 1) {
        text = el.getAttribute('data-now');
      } else {
        text = el.getAttribute('data-in').replace('{m}', String(minutes));
      }
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle('overdue', due < now);
    });
  }

  function follow(main) {
    var url = main.getAttribute('data-live');
    var etag = main.getAttribute('data-etag');
    function poll() {
      var headers = { 'X-Phare-Poll': '1' };
      if (etag) headers['If-None-Match'] = etag;
      fetch(url, { headers: headers, credentials: 'same-origin', cache: 'no-store' })
        .then(function (r) {
          if (r.redirected) {
            window.location.reload();
            return;
          }
          if (r.status === 200) {
            var fresh = r.headers.get('ETag');
            return r.text().then(function (html) {
              if (fresh !== etag) swap(html);
              etag = fresh;
            });
          }
        })
        .catch(function () {})
        .then(function () { window.setTimeout(poll, 1000); });
    }
    function swap(html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var next = doc.getElementById('main');
      if (!next) return;
      main.innerHTML = next.innerHTML;
      main.setAttribute('data-etag', next.getAttribute('data-etag') || '');
      tick();
    }
    poll();
  }

  function start() {
    tick();
    window.setInterval(tick, 1000);
    var main = document.querySelector('main[data-live]');
    if (main && window.fetch && window.DOMParser) follow(main);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
