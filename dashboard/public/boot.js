// Runs before the app's code has loaded: asks for everything the first screen needs — the session,
// for staff the school's names, on the director's screen the first chart's rows — in ONE request
// (GET /api/v1/dashboard/first-screen, common/first-screen.ts), answered while the code loads. The
// server's index.html also preloads that very URL. The app takes each answer at most once, during its
// first navigation (api/http.ts); `settled` resolves once the answers are in (or failed).
(function () {
  var boot = { answers: {}, today: {}, settled: null };
  var url = '/api/v1/dashboard/first-screen?' + new URLSearchParams({ path: location.pathname + location.search }).toString();
  boot.settled = fetch(url, { credentials: 'same-origin' }).then(function (res) {
    if (res.status === 401) return res.json().then(function (body) { boot.answers['/api/v1/auth/me'] = { status: 401, body: body }; });
    if (res.ok) return res.json().then(function (data) { boot.answers = data.answers || {}; boot.today = data.today || {}; });
  }).catch(function () {});
  window.svodkaBoot = boot;
})();
