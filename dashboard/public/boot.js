// Runs before the app's code has loaded: asks for the session (and then the school's names, which
// every staff screen needs first) at once, so that these answers arrive while the code loads instead
// of after it. The app takes each answer at most once, during its first navigation (api/http.ts);
// `settled` resolves once every early request has been sent.
(function () {
  var answers = {};
  var get = function (path) {
    answers[path] = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    return answers[path];
  };
  var settled = get('/api/v1/auth/me').then(function (res) {
    return res.ok ? res.clone().json() : null;
  }).then(function (me) {
    if (!me || me.role === 'guardian' || me.role === 'student') return;
    var school = new URLSearchParams(location.search).get('school') || me.schoolId || (me.allowed && me.allowed.schools && me.allowed.schools[0]);
    if (school) get('/api/v1/dashboard/reference?' + new URLSearchParams({ schoolId: school }).toString());
  }).catch(function () {});
  window.svodkaBoot = { answers: answers, settled: settled };
})();
