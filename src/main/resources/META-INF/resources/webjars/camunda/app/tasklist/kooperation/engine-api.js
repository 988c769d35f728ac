// Kooperation: small helpers for the Tasklist scripts in this folder: the engine's REST API as
// the webapps reach it (same session, same authorizations as Tasklist itself).

function engineName() {
  const match = window.location.pathname.match(/\/app\/tasklist\/([\w-]+)/);
  return match ? match[1] : 'default';
}

function apiRoot() {
  const base = document.querySelector('base');
  const engineApi = (base && base.getAttribute('engine-api')) || '/camunda/api/engine/';
  return engineApi + 'engine/' + engineName() + '/';
}

/** GET on the engine API; resolves to the parsed JSON, or null when refused or failed. */
export function get(path) {
  return fetch(apiRoot() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : null))
    .catch(() => null);
}

/** The logged-in user and the webapps they may open ({userId, authorizedApps}), or null. */
export function currentUser() {
  const base = document.querySelector('base');
  const adminApi = (base && base.getAttribute('admin-api')) || '/camunda/api/admin/';
  return fetch(adminApi + 'auth/user/' + engineName(), { credentials: 'same-origin' })
    .then(response => (response.ok ? response.json() : null))
    .catch(() => null);
}

/** Whether the logged-in user holds the permission (resource types: 6 process definition, 7 task). */
export function authorized(permission, resourceName, resourceType, resourceId) {
  let path = 'authorization/check?permissionName=' + permission + '&resourceName=' + resourceName +
    '&resourceType=' + resourceType;
  if (resourceId) {
    path += '&resourceId=' + encodeURIComponent(resourceId);
  }
  return get(path).then(answer => !!(answer && answer.authorized));
}

/** The task id in Tasklist's address (#/?task=…), or null. */
export function selectedTaskId() {
  const query = (window.location.hash || '').split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

/** Calls back now and whenever the page changes (Angular and form-js render late and often). */
export function onPageChange(callback) {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    callback();
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(run);
    }
  };
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  window.addEventListener('hashchange', schedule);
  schedule();
}

const listeners = [];
const open = XMLHttpRequest.prototype.open;
// Tasklist (AngularJS, the Camunda SDK) talks to the server through XMLHttpRequest: watch it
XMLHttpRequest.prototype.open = function (method, url) {
  const request = { method: String(method).toUpperCase(), path: String(url).split('?')[0] };
  const interested = listeners.filter(listener => listener.matches(request));
  if (interested.length) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        interested.forEach(listener => listener.callback(request));
      }
    });
  }
  return open.apply(this, arguments);
};

/** Calls back after each successful request for which matches({method, path}) is true. */
export function afterRequest(matches, callback) {
  listeners.push({ matches, callback });
}

/** Calls back after a log-in or log-out (Tasklist changes the user without loading the page). */
export function onUserChange(callback) {
  afterRequest(request => /\/auth\/user\/[^/]+\/(login\/[^/]+|logout)$/.test(request.path), callback);
}

/** Calls back after a task or a start form was completed. */
export function onCompletion(callback) {
  afterRequest(request => request.method === 'POST' &&
    /\/(task|process-definition)\/[^/]+(\/[^/]+)?\/(submit-form|complete|start)$/.test(request.path), callback);
}

export default [];
