// Kooperation: Camunda Forms in German. The form-js viewer bundled with the 7.24 webapps has its
// own field checks (required, pattern, length) with fixed English messages and no translation
// hook, and its date picker (flatpickr) follows the browser's language with English months and
// Sunday first unless told otherwise. This script:
// - tells flatpickr German month and day names and Monday as the first day (flatpickr.localize,
//   which form-js uses because it passes no locale of its own),
// - shows dates as TT.MM.JJJJ whatever language the browser has (form-js takes the date format
//   from the browser's default locale),
// - replaces each English check message by a German one that says what to type, and the select
//   fields' "Select" by "Bitte auswählen",
// - shows the dates a form's text repeats from earlier tasks ("Zeitrahmen: {{agreementPeriodStart}}",
//   stored as 2026-12-01) as 01.12.2026; links keep their text.
// - names the buttons of a dynamic list (one row per expert, interview, goal) in German.
import { onPageChange } from './engine-api.js';

const GERMAN_DATE_PICKER = {
  weekdays: {
    shorthand: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    longhand: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag']
  },
  months: {
    shorthand: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
    longhand: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
      'November', 'Dezember']
  },
  firstDayOfWeek: 1,
  weekAbbreviation: 'KW',
  rangeSeparator: ' bis ',
  scrollTitle: 'Zum Ändern scrollen',
  toggleTitle: 'Zum Umschalten klicken',
  time_24hr: true
};

// what the patterns in forms/*.form ask for, in words
const PATTERN_HINTS = {
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': 'Bitte die Uhrzeit als hh:mm angeben, z. B. 09:30.',
  '^https?://\\S+$': 'Bitte eine vollständige Internetadresse angeben, beginnend mit https://, z. B. https://www.beispiel.de/dokument.pdf.',
  '^[a-z0-9-]+$': 'Bitte nur Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche angeben, z. B. nienburg-weser.'
};

const MESSAGES = [
  [/^Field is required\.$/, () => 'Bitte füllen Sie dieses Feld aus.'],
  [/^Field must match pattern (.*)\.$/s, m => PATTERN_HINTS[m[1]] || 'Bitte prüfen Sie die Schreibweise Ihrer Eingabe.'],
  [/^Field must have maximum length of (\d+)\.$/, m => `Höchstens ${m[1]} Zeichen.`],
  [/^Field must have minimum length of (\d+)\.$/, m => `Bitte mindestens ${m[1]} Zeichen angeben.`],
  [/^Field must have minimum value of (.+)\.$/, m => `Bitte einen Wert ab ${m[1]} angeben.`],
  [/^Field must have maximum value of (.+)\.$/, m => `Bitte einen Wert bis ${m[1]} angeben.`],
  [/^Field must be a valid email\.$/, () => 'Bitte eine E-Mail-Adresse angeben, z. B. name@beispiel.de.'],
  [/^Field must be a valid\s+international phone number.*$/, () => 'Bitte eine Telefonnummer mit Ländervorwahl angeben, z. B. +4930664040900.'],
  [/^Value is not a number\.$/, () => 'Bitte eine Zahl angeben.'],
  [/^Value is expected to be an integer\.$/, () => 'Bitte eine ganze Zahl angeben.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => `Bitte höchstens ${m[1]} Nachkommastellen angeben.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, m => `Bitte einen gültigen Wert wählen, z. B. ${m[1]} oder ${m[2]}.`],
  [/^Date and time must both be entered\.$/, () => 'Bitte Datum und Uhrzeit angeben.'],
  [/^No results$/, () => 'Keine Treffer'],
  [/^No values$/, () => 'Keine Einträge'],
  // the placeholder of a select field before anything is chosen
  [/^Select$/, () => 'Bitte auswählen']
];

// the buttons of a dynamic list (form-js writes them in English, without a translation hook)
const LIST_BUTTONS = [
  [/^Add new$/, () => 'Zeile hinzufügen'],
  [/^Collapse$/, () => 'Zuklappen'],
  [/^Expand all \((\d+)\)$/, m => `Alle ${m[1]} Zeilen zeigen`]
];

function translated(text, table) {
  for (const [pattern, translate] of table) {
    const match = text.match(pattern);
    if (match) {
      return translate(match);
    }
  }
  return null;
}

export function german(text) {
  return translated(text, MESSAGES);
}

// form-js takes the date format from the browser's default locale: German for everybody, and with
// two digits for day and month (TT.MM.JJJJ, "01.12.2026" not "1.12.2026"); the date picker derives its
// display and its parsing from this format, and still reads a typed "1.12.2026"
const BrowserDateTimeFormat = Intl.DateTimeFormat;
const TWO_DIGITS = { day: '2-digit', month: '2-digit', year: 'numeric' };
function GermanByDefault(locales, options) {
  const byDefault = locales === undefined || locales === 'default';
  return new BrowserDateTimeFormat(byDefault ? 'de-DE' : locales, byDefault && options === undefined ? TWO_DIGITS : options);
}
GermanByDefault.prototype = BrowserDateTimeFormat.prototype;
GermanByDefault.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = GermanByDefault;

function localizeDatePicker() {
  if (window.flatpickr && window.flatpickr.l10ns && window.flatpickr.l10ns.default.firstDayOfWeek !== 1) {
    window.flatpickr.localize(GERMAN_DATE_PICKER);
  }
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function germanDatesInTexts() {
  document.querySelectorAll('.fjs-form-field-text').forEach(text => {
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('a') && ISO_DATE.test(node.data)) {
        node.data = node.data.replace(ISO_DATE, '$3.$2.$1');
      }
      ISO_DATE.lastIndex = 0;
    }
  });
}

function translateForms() {
  localizeDatePicker();
  germanDatesInTexts();
  // the text node itself, not the element's content: form-js (Preact) keeps writing to that node
  document.querySelectorAll('.fjs-form-field-error li, .fjs-dropdownlist-empty, .fjs-select-display').forEach(element => {
    element.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE) {
        const translated = german(node.data.trim());
        if (translated) {
          node.data = translated;
        }
      }
    });
  });
  document.querySelectorAll('.fjs-repeat-render-add, .fjs-repeat-render-collapse').forEach(button => {
    button.childNodes.forEach(node => {
      const german = node.nodeType === Node.TEXT_NODE && translated(node.data.trim(), LIST_BUTTONS);
      if (german) {
        node.data = german;
      }
    });
  });
  document.querySelectorAll('.fjs-repeat-row-remove[aria-label^="Remove list item"]').forEach(button => {
    const row = button.getAttribute('aria-label').replace('Remove list item ', '');
    button.setAttribute('aria-label', `Zeile ${row} entfernen`);
    button.setAttribute('title', `Zeile ${row} entfernen`);
  });
  document.querySelectorAll('.fjs-form input[placeholder]').forEach(input => {
    const placeholder = input.getAttribute('placeholder');
    if (/^dd\.mm\.yyyy$/i.test(placeholder)) {
      input.setAttribute('placeholder', 'TT.MM.JJJJ');
    }
    else if (placeholder === 'Search') {
      input.setAttribute('placeholder', 'Suchen');
    }
  });
}

// A form with a dynamic list: form-js (7.24) keeps an empty error entry per edited row ({field: {}})
// and Tasklist counts the entries, so "Abschließen" stayed disabled for a correct list. Here a list
// form counts as invalid only while one of its fields shows an error (as any other form in Tasklist);
// what is submitted is still checked by form-js and then by the server, row by row.
function listFormValidity() {
  const form = document.querySelector('.fjs-form');
  if (!form || !form.querySelector('.fjs-form-field-dynamiclist, .fjs-repeat-row-container') || !window.angular) {
    return;
  }
  const controller = window.angular.element(form).controller('camTasklistForm');
  if (!controller || controller.kooperationListValidity) {
    return;
  }
  controller.kooperationListValidity = true;
  const notify = controller.notifyFormValidated.bind(controller);
  const showsErrors = () => form.querySelector('.fjs-form-field-error li') !== null;
  controller.notifyFormValidated = invalid => {
    notify(invalid && showsErrors());
    // form-js draws the messages after telling of the change
    window.setTimeout(() => notify(invalid && showsErrors()), 100);
  };
  notify(showsErrors());
}

onPageChange(() => {
  translateForms();
  listFormValidity();
});

export default [];
