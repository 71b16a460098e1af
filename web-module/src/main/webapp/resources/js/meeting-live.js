/*
 * The meeting page's live updates: the server-sent events of the meeting re-render the live panel (through the
 * page's refreshLive remote command) when the meeting changed, and the speaker's timer counts down. A file, not an
 * inline script, because the pages' Content-Security-Policy runs no script without PrimeFaces' nonce.
 */
(function () {
  var live = document.getElementById('meetingLive');
  if (!live) {
    return;
  }
  var revision = Number(live.dataset.revision);
  var source = new EventSource(live.dataset.source);
  source.addEventListener('state', function (event) {
    var state = JSON.parse(event.data);
    if (state.revision > revision) {
      revision = state.revision;
      window.refreshLive();
    }
  });
  setInterval(function () {
    var timer = document.getElementById('floorTimer');
    if (!timer) { return; }
    var left = Math.max(0, Math.round(Number(timer.dataset.seconds) - (Date.now() - Number(timer.dataset.start)) / 1000));
    timer.textContent = ' \u23F1 ' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
  }, 1000);
})();
