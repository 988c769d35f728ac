// Kooperation: "Benachrichtigungen" in Tasklist's header, beside "Tastenkürzel": each user chooses
// there which reminder mails they get (single mails or the Monday digest). The page is the app's
// own (/benachrichtigungen), behind the same login as Tasklist.
import { onPageChange } from './engine-api.js';

function addSettingsLink() {
  if (document.querySelector('.koop-settings-link')) {
    return;
  }
  const shortcuts = Array.from(document.querySelectorAll('a'))
    .find(link => link.textContent.trim() === 'Tastenkürzel');
  const item = shortcuts && shortcuts.closest('li');
  if (!item) {
    return;
  }
  const entry = document.createElement('li');
  entry.className = 'koop-settings-link';
  const link = document.createElement('a');
  link.href = '/benachrichtigungen';
  link.textContent = 'Benachrichtigungen';
  entry.appendChild(link);
  item.parentNode.insertBefore(entry, item);
}

onPageChange(addSettingsLink);
