// Kooperation: Tasklist sorts a task list by creation date unless the address names a sorting.
// Work in Kooperation is driven by deadlines, so a list without a chosen sorting is shown by due
// date, earliest first (like the saved filters). A sorting the user picks stays in the address
// and is left alone. Loaded as a custom script (see ../scripts/config.js).
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '';
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#/?' + params.toString());
}

window.addEventListener('hashchange', sortByDueDateUnlessChosen);
sortByDueDateUnlessChosen();

export default [];
