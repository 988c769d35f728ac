// Kooperation: Tasklist shows the number of tasks only beside the filter that is open, so work
// waiting in another filter goes unseen. This script puts every filter's count beside its name
// (the engine counts them: GET /filter?itemCount=true) and refreshes them when the page changes
// and every minute.
import { get, onCompletion, onPageChange, onUserChange } from './engine-api.js';

let counts = {};
let lastLoad = 0;

function load() {
  lastLoad = Date.now();
  get('filter?resourceType=Task&itemCount=true').then(filters => {
    counts = {};
    (filters || []).forEach(filter => {
      counts[filter.name] = filter.itemCount;
    });
    show();
  });
}

function show() {
  document.querySelectorAll('.task-filters .item h4.name a').forEach(link => {
    let badge = link.querySelector('.koop-count');
    const name = Array.from(link.childNodes)
      .filter(node => node.nodeType === Node.TEXT_NODE)
      .map(node => node.data)
      .join('')
      .trim();
    if (!(name in counts)) {
      return;
    }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'koop-count';
      link.appendChild(badge);
    }
    const text = '(' + counts[name] + ')';
    if (badge.textContent !== text) {
      badge.textContent = text;
    }
  });
}

onPageChange(() => {
  if (Date.now() - lastLoad > 60000) {
    load();
  }
  show();
});
window.addEventListener('hashchange', load);
onCompletion(load);
onUserChange(load);
load();

export default [];
