package de.kooperation.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Kommune lookup on the same kind of H2 file database the default run uses: H2 writes every
 * SQLException, even one the caller catches, to {@code kooperation.trace.db} beside the data. A
 * lookup that probes a wrong column first filled that file by megabytes a day.
 */
class MunicipalityRepositoryTests {

	@TempDir
	Path dataDir;

	@Test
	void lookingUpKommunenFindsTheirFederalStateAndLeavesTheDatabaseTraceEmpty() throws Exception {
		String url = "jdbc:h2:file:" + dataDir.resolve("kooperation") + ";AUTO_SERVER=FALSE";
		// one connection kept open, as the app's pool does: H2 closes (and compacts) a file database
		// when its last connection closes
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
		Flyway.configure().dataSource(dataSource).table("koop_schema_history").load().migrate();
		MunicipalityRepository repository = new MunicipalityRepository(JdbcClient.create(dataSource));
		repository.save(new Municipality("nienburg", "Landkreis Nienburg/Weser", "NI"));
		repository.save(new Municipality("worms", "Stadt Worms", "RP"));

		for (int i = 0; i < 20; i++) {
			assertThat(repository.findById("nienburg")).contains(new Municipality("nienburg", "Landkreis Nienburg/Weser", "NI"));
		}
		assertThat(repository.findById("unbekannt")).isEmpty();
		assertThat(repository.findAll()).extracting(Municipality::federalState).containsExactly("NI", "RP");

		Path trace = dataDir.resolve("kooperation.trace.db");
		assertThat(Files.exists(trace) ? Files.readString(trace) : "").as("H2 trace file").isEmpty();
		dataSource.destroy();
	}

}
