// Kooperation: relative dates in Tasklist ("Fällig in 2 Monaten", "Erstellung vor 3 Wochen") in
// correct German. Camunda's German locale for moment.js says "in 2 Monate" and falls back to
// English for seconds and weeks ("in 3 weeks"). Tasklist keeps moment inside AngularJS
// (angular-moment's "moment" service), so the fix waits for Tasklist to have started.
import { onPageChange } from './engine-api.js';

// "in %s" and "vor %s" both take the dative
const RELATIVE_TIME = {
  future: 'in %s',
  past: 'vor %s',
  s: 'ein paar Sekunden',
  ss: '%d Sekunden',
  m: 'einer Minute',
  mm: '%d Minuten',
  h: 'einer Stunde',
  hh: '%d Stunden',
  d: 'einem Tag',
  dd: '%d Tagen',
  w: 'einer Woche',
  ww: '%d Wochen',
  M: 'einem Monat',
  MM: '%d Monaten',
  y: 'einem Jahr',
  yy: '%d Jahren'
};

// Tasklist defines its German locale once its translations have loaded, possibly after this
// script's first try: checked again whenever the page changes, set when it is not ours
onPageChange(() => {
  if (!window.angular) {
    return;
  }
  const injector = window.angular.element(document.body).injector();
  if (!injector || !injector.has('moment')) {
    return;
  }
  const moment = injector.get('moment');
  const german = moment.localeData('de');
  if (german && german.relativeTime(2, false, 'MM', true) !== '2 Monaten') {
    moment.updateLocale('de', { relativeTime: RELATIVE_TIME });
  }
});

export default [];
