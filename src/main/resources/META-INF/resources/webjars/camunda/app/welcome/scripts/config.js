// Kooperation: overrides the file of the same name in the Camunda webjar (same classpath path,
// the application's own resources come first). German only: the users work in German, and
// Camunda ships complete German translations that are off unless listed here.
export default {
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  }
};
