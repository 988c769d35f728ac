// Kooperation: overrides the file of the same name in the Camunda webjar (same classpath path,
// the application's own resources come first). German only: the users work in German, and
// Camunda ships complete German translations that are off unless listed here.
export default {
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  // Kooperation's additions to Tasklist, each explained in its file under ../kooperation/:
  // sorting by due date, German form checks, date picker and relative dates, actions only for those who may use
  // them, counts beside every filter, the Kommune and its collaboration page beside every task,
  // plain German refusals
  customScripts: ['kooperation/due-date-sorting'].concat([
    'kooperation/german-forms',
    'kooperation/german-dates',
    'kooperation/role-actions',
    'kooperation/filter-counts',
    'kooperation/task-context',
    'kooperation/settings-link'
  ]),
  // German dates as TT.MM.JJJJ, e.g. "22.12.2026 14:00" and "Dienstag, 22.12.2026 14:00" (the
  // locale tokens LLL/LLLL of Camunda's de.json give "22 Dezember 2026 14:00", without the dot)
  dateFormat: {
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, DD.MM.YYYY HH:mm'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'übernimmt die ausgewählte Aufgabe'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'springt zum ersten Filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'springt zur ersten Aufgabe der Liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'springt zum ersten Feld des Formulars'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'öffnet den Dialog zum Starten eines Prozesses'
    }
  }
};
