// Kooperation: Tasklist offers every user "Aufgabe erstellen", "Prozess starten", due and
// follow-up dates, candidate groups, comments, the tabs "Historie" and "Diagramm" and a link into
// Cockpit, whether or not the engine lets them use it; clicking then ends in an error or an empty
// tab. This script asks the engine what the logged-in user may do (the same authorizations that
// would refuse the action) and marks the page with classes; ../styles/user-styles.css shows an
// action only where its class says so.
import { authorized, currentUser, get, onPageChange, onUserChange, selectedTaskId } from './engine-api.js';

const TASK = 7;

const marks = {};

// kept here and put back whenever the page changes: the body's classes are rewritten while
// Tasklist starts
function mark(name, allowed) {
  marks[name] = !!allowed;
  applyMarks();
}

function applyMarks() {
  Object.keys(marks).forEach(name => {
    if (document.body.classList.contains(name) !== marks[name]) {
      document.body.classList.toggle(name, marks[name]);
    }
  });
}

let generation = 0;

// asked again after each log-in and page change; an answer to an older question (e.g. one asked
// on the login page, refused then) is dropped
function checkApplication() {
  const asked = ++generation;
  const markIfCurrent = name => allowed => {
    if (asked === generation) {
      mark(name, allowed);
    }
  };
  authorized('CREATE', 'Task', TASK).then(markIfCurrent('koop-may-create-task'));
  // the start dialog lists the definitions the user may start; none, no button
  get('process-definition/count?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true')
    .then(answer => answer && answer.count > 0)
    .then(markIfCurrent('koop-may-start-process'));
  currentUser()
    .then(user => !!user && (user.authorizedApps || []).includes('cockpit'))
    .then(markIfCurrent('koop-may-open-cockpit'));
}

let checkedTask = null;

function checkTask() {
  const taskId = selectedTaskId();
  if (taskId === checkedTask) {
    return;
  }
  checkedTask = taskId;
  mark('koop-may-edit-task', false);
  mark('koop-may-comment-task', false);
  mark('koop-may-read-history', false);
  mark('koop-may-see-diagram', false);
  if (!taskId) {
    return;
  }
  // dates and candidate groups: the engine asks for UPDATE or TASK_ASSIGN on the task
  Promise.all([authorized('UPDATE', 'Task', TASK, taskId), authorized('TASK_ASSIGN', 'Task', TASK, taskId)])
    .then(([update, assign]) => {
      if (checkedTask === taskId) {
        mark('koop-may-edit-task', update || assign);
      }
    });
  // a comment is refused unless the user may read the task's history; the tab "Historie" would
  // be empty
  get('history/task/count?taskId=' + encodeURIComponent(taskId)).then(answer => {
    if (checkedTask === taskId) {
      mark('koop-may-comment-task', answer && answer.count > 0);
      mark('koop-may-read-history', answer && answer.count > 0);
    }
  });
  // the tab "Diagramm" needs the process definition, which Kommune users may not read
  get('task/' + encodeURIComponent(taskId))
    .then(task => (task && task.processDefinitionId
      ? get('process-definition/' + encodeURIComponent(task.processDefinitionId)) : null))
    .then(definition => {
      if (checkedTask === taskId) {
        mark('koop-may-see-diagram', !!definition);
      }
    });
}

checkApplication();
onUserChange(() => {
  checkedTask = null;
  checkApplication();
});
window.addEventListener('hashchange', checkApplication);
// Tasklist's detail tabs carry no class of their own: named here by their (German) label
const TABS = { Historie: 'koop-tab-history', Diagramm: 'koop-tab-diagram' };

function nameTabs() {
  document.querySelectorAll('.task-details .nav-tabs > li').forEach(tab => {
    const name = TABS[tab.textContent.trim()];
    if (name && !tab.classList.contains(name)) {
      tab.classList.add(name);
    }
  });
}

onPageChange(() => {
  checkTask();
  applyMarks();
  nameTabs();
});

export default [];
