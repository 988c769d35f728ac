// Kooperation: what a user needs around a task that Tasklist does not show by itself.
// - The Kommune's name on every task in the list, large (the filters' variable column stays empty
//   for Kommune users, who may read their tasks but not the process instances behind them).
// - On the open task, a link to its collaboration page ("Kooperation Stadt Eisenach").
// - While nobody has taken the task, a plain German note that "Übernehmen" comes first; while a
//   colleague has it, who.
// - Refusals: the red message shows only the plain sentence the server gave (never an engine
//   code, an id or English), and it goes away once a task or start form has been completed, or
//   when the user opens another task (it was about the task before).
import { get, onCompletion, onPageChange, selectedTaskId } from './engine-api.js';

const variablesByTask = {};

/** municipalityId and municipalityName of a task (its process's variables, read through the task). */
function kommuneOf(taskId) {
  if (!variablesByTask[taskId]) {
    variablesByTask[taskId] = get('task/' + encodeURIComponent(taskId) +
      '/variables?deserializeValues=false&variableNames=municipalityId,municipalityName')
      .then(variables => ({
        id: variables && variables.municipalityId ? variables.municipalityId.value : null,
        name: variables && variables.municipalityName ? variables.municipalityName.value : null
      }));
  }
  return variablesByTask[taskId];
}

function taskIdOfCard(card) {
  const link = card.querySelector('a[href*="task="]');
  const match = link && link.getAttribute('href').match(/task=([\w-]+)/);
  return match ? match[1] : null;
}

function showKommuneInList() {
  document.querySelectorAll('.tasks-list li.task').forEach(card => {
    const taskId = taskIdOfCard(card);
    if (!taskId || card.getAttribute('data-koop-task') === taskId) {
      return;
    }
    card.setAttribute('data-koop-task', taskId);
    const old = card.querySelector('.koop-kommune');
    if (old) {
      old.remove();
    }
    kommuneOf(taskId).then(kommune => {
      if (!kommune.name || card.getAttribute('data-koop-task') !== taskId) {
        return;
      }
      const line = document.createElement('div');
      line.className = 'koop-kommune';
      line.textContent = kommune.name;
      const name = card.querySelector('h4') || card.firstElementChild;
      name.parentNode.insertBefore(line, name);
      // the filter's own variable column says the same again, small, further down
      const column = card.querySelector('.task-card-details');
      if (column && column.textContent.replace(/\s+/g, ' ').trim() === 'Kommune: ' + kommune.name) {
        column.style.display = 'none';
      }
    });
  });
}

function showCollaborationLink(taskId) {
  const header = document.querySelector('.task-card .names .definition-name, .task-card .names');
  if (!header) {
    return;
  }
  const existing = header.querySelector('.koop-collaboration-link');
  if (existing && existing.getAttribute('data-task') === taskId) {
    return;
  }
  if (existing) {
    existing.remove();
  }
  const link = document.createElement('a');
  link.className = 'koop-collaboration-link';
  link.setAttribute('data-task', taskId);
  header.appendChild(link);
  kommuneOf(taskId).then(kommune => {
    if (!kommune.id) {
      link.remove();
      return;
    }
    link.href = '/kooperationen/' + encodeURIComponent(kommune.id);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Kooperation ' + (kommune.name || kommune.id);
    link.title = 'Zielvereinbarung, Meilensteine und offene Aufgaben beider Seiten (neues Fenster)';
  });
}

const CLAIM_NOTE = 'Bevor Sie das Formular ausfüllen und abschließen können, übernehmen Sie die Aufgabe: ' +
  'Klicken Sie oben rechts auf „Diese Aufgabe übernehmen“. Solange Sie sie bearbeiten, sehen die anderen ' +
  'Ihrer Gruppe, dass sie bei Ihnen liegt.';

/** Who works on the open task, if it is someone else (Tasklist offers "zurücklegen" only to its holder). */
function heldByColleague() {
  const assignee = document.querySelector('.task-details li.assignee');
  if (!assignee || assignee.querySelector('button.unclaim')) {
    return null;
  }
  return assignee.textContent.replace(/\s+/g, ' ').trim() || null;
}

function showClaimNote() {
  const claim = document.querySelector('.task-details button.claim');
  const colleague = claim ? null : heldByColleague();
  const form = document.querySelector('[cam-tasklist-task] .form-container, [cam-tasklist-task] [cam-tasklist-form], .task-details .form-container');
  let note = document.querySelector('.koop-claim-note');
  const text = claim ? CLAIM_NOTE
    : colleague ? 'Diese Aufgabe bearbeitet gerade ' + colleague + '. Abschließen kann sie nur, wer sie übernommen hat.'
      : null;
  if (!text || !form) {
    if (note) {
      note.remove();
    }
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = 'koop-claim-note alert alert-info';
    note.setAttribute('role', 'note');
    form.parentNode.insertBefore(note, form);
  }
  if (note.textContent !== text) {
    note.textContent = text;
  }
}

// ---------------------------------------------------------------- refusals

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TECHNICAL = /ENGINE-\d+|Cannot |Exception|Field |\bnull\b|\bfor (task|process)\b/;
const GENERIC = 'Die Eingabe wurde nicht angenommen. Bitte prüfen Sie das Formular und versuchen Sie es erneut.';

/**
 * The plain sentence of a refusal. The server answers refusals with a German message; engine
 * answers wrap it ("Cannot submit task form <id>: ENGINE-03051 … Message: '…'", "Cannot
 * instantiate process definition <id>: …"), and anything else technical becomes a general
 * German sentence.
 */
export function plain(message) {
  if (!TECHNICAL.test(message) && !UUID.test(message)) {
    return message;
  }
  const wrapped = message.match(/Message: '([\s\S]*)'\s*$/) || message.match(/Message: ([\s\S]*)$/);
  const sentence = wrapped
    // "… Message: 'Exception while invoking TaskListener: <the sentence>'"
    ? wrapped[1].replace(/^([A-Za-z ]*Exception[A-Za-z ]*:\s*)+/, '')
    // "Cannot instantiate process definition collaboration:1:<id>: <the sentence>"
    : message.replace(/^Cannot [\s\S]*?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\s*/i, '');
  if (sentence && !TECHNICAL.test(sentence) && !UUID.test(sentence)) {
    return sentence;
  }
  return GENERIC;
}

function plainRefusals() {
  document.querySelectorAll('.notifications .alert-danger .message, .notifications .alert-error .message').forEach(element => {
    const text = element.textContent;
    const shown = plain(text);
    if (shown !== text) {
      element.textContent = shown;
    }
  });
}

function clearRefusals() {
  document.querySelectorAll('.notifications .alert-danger button.close, .notifications .alert-error button.close')
    .forEach(button => button.click());
}

// a completed task or start form: the refusal shown before is settled
onCompletion(clearRefusals);

let shownTaskId = null;

onPageChange(() => {
  showKommuneInList();
  const taskId = selectedTaskId();
  if (taskId !== shownTaskId) {
    if (shownTaskId) {
      clearRefusals();
    }
    shownTaskId = taskId;
  }
  if (taskId) {
    showCollaborationLink(taskId);
  }
  showClaimNote();
  plainRefusals();
});

export default [];
