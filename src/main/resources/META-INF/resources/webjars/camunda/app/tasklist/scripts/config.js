// Kooperation: overrides the file of the same name in the Camunda webjar (same classpath path,
// the application's own resources come first). German only: the users work in German, and
// Camunda ships complete German translations that are off unless listed here.
export default {
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  // a task list without a chosen sorting is sorted by due date
  customScripts: ['kooperation/due-date-sorting'],
  // German dates (moment's German locale comes with de.json), e.g. "1. Juni 2026 14:00"
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
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
