/*
 * The direction centre's live updates: each "reviewed" event of the server's stream (a report approved or returned
 * anywhere) makes the page ask for its figures again through the refreshCentre remote command, which redraws the board
 * only when what this viewer may see changed. After the stream reconnects (a network break, a restart), the page asks
 * once too, since a review may have happened while it was away. A file, not an inline script, because the pages'
 * Content-Security-Policy runs no script without PrimeFaces' nonce.
 */
(function () {
  var live = document.getElementById('centreLive');
  if (!live || !window.EventSource) {
    return;
  }
  var opened = false;
  var source = new EventSource(live.dataset.source);
  source.addEventListener('open', function () {
    if (opened) {
      window.refreshCentre();
    }
    opened = true;
    live.dataset.state = 'open';
  });
  source.addEventListener('error', function () {
    live.dataset.state = 'reconnecting';
  });
  source.addEventListener('reviewed', function () {
    window.refreshCentre();
  });
})();
