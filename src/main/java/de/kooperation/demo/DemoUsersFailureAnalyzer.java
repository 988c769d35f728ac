package de.kooperation.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import de.kooperation.demo.ProdDatabaseGuard.DemoUsersInProductionException;

/** Explains the production start refused on a database with demo users, in German and English. */
class DemoUsersFailureAnalyzer extends AbstractFailureAnalyzer<DemoUsersInProductionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DemoUsersInProductionException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Eine neue, leere Datenbank verwenden (KOOPERATION_DATA_DIR oder KOOPERATION_DB_URL) oder die Demo-Benutzer im "
						+ "Admin löschen, bevor die Datenbank produktiv genutzt wird. / Use a new, empty database (KOOPERATION_DATA_DIR "
						+ "or KOOPERATION_DB_URL) or delete the demo users in Admin before using the database in production.",
				cause);
	}

}
