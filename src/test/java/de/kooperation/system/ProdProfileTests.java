package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

import de.kooperation.KooperationApplication;
import de.kooperation.demo.DemoUsers;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.StartsItsOwnApplication;
import de.kooperation.demo.ProdDatabaseGuard;

/**
 * The production profile: no start without a strong admin password from the environment, no
 * demo data, and no start on a database a default run has filled with demo users; a database
 * whose admin has another password gets the configured one.
 */
@ExtendWith(OutputCaptureExtension.class)
@StartsItsOwnApplication
class ProdProfileTests {

	private static final String STRONG = "Kooperation-s3cret-Prod";

	@Test
	void refusesToStartWithoutAnAdminPassword() {
		assertThatThrownBy(() -> start("", newDatabase()))
			.isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class)
			.hasMessageContaining("KOOPERATION_ADMIN_PASSWORD");
	}

	@Test
	void refusesTheDevelopmentPassword() {
		assertThatThrownBy(() -> start("admin", newDatabase())).isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class);
	}

	@Test
	void refusesAPasswordShorterThanTwelveCharactersInGermanAndEnglish() {
		assertThatThrownBy(() -> start("Xq7#mK2p!aZ", newDatabase()))
			.isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class)
			.hasMessageContaining("zu kurz (mindestens 12 Zeichen)")
			.hasMessageContaining("too short");
	}

	@Test
	void refusesACommonPasswordWhateverItsCase() {
		for (String common : List.of("Password1234", "ADMINISTRATOR", "Willkommen123")) {
			assertThatThrownBy(() -> start(common, newDatabase())).as(common)
				.isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class)
				.hasMessageContaining("häufig benutztes Passwort")
				.hasMessageContaining("common password");
		}
	}

	@Test
	void startsWithAPasswordFromTheEnvironmentAndWithoutDemoData() throws Exception {
		try (ConfigurableApplicationContext app = start(STRONG, newDatabase())) {
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			assertThat(engine.getIdentityService().checkPassword("admin", STRONG)).isTrue();
			assertThat(engine.getIdentityService().createUserQuery().userId("lena.vogt").count()).isZero();
			assertThat(app.getBean(MunicipalityRepository.class).findAll()).isEmpty();
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
			var servletContext = ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) app)
				.getServletContext();
			assertThat(servletContext.getSessionCookieConfig().isSecure()).as("secure session cookie").isTrue();
			assertThat(servletContext.getFilterRegistrations().keySet()).as("CSRF protection of the webapps")
				.anyMatch(name -> name.toLowerCase().contains("csrf"));

			// over HTTP as a browser sees it: HSTS on the webapps and the app's own pages, the CSRF cookie only over HTTPS
			int port = ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<Void> tasklist = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
				.build(), BodyHandlers.discarding());
			assertThat(tasklist.headers().allValues("Set-Cookie")).as("XSRF-TOKEN cookie")
				.anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").containsIgnoringCase(";Secure"));
			assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
			HttpResponse<Void> ownPage = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kooperationen")).build(),
					BodyHandlers.discarding());
			assertThat(ownPage.headers().firstValue("Strict-Transport-Security")).isEqualTo(tasklist.headers().firstValue("Strict-Transport-Security"));
		}
	}

	@Test
	void refusesADatabaseMadeByADefaultRunWithItsDemoUsersAndSaysSoInGermanAndEnglish() {
		String database = newDatabase();
		try (ConfigurableApplicationContext defaultRun = defaultRun(database, true)) {
			assertThat(defaultRun.getBean(ProcessEngine.class).getIdentityService().checkPassword("lena.vogt", "demo")).isTrue();
		}

		assertThatThrownBy(() -> start(STRONG, database))
			.isInstanceOf(ProdDatabaseGuard.DemoUsersInProductionException.class)
			.hasMessageContaining("Datenbank enthält Demo-Benutzer")
			.hasMessageContaining("the database holds demo users")
			.hasMessageContaining("lena.vogt");
		// the agency's three and two people of each of the four demo Kommunen
		assertThat(DemoUsers.ids()).contains("lena.vogt", "sabine.krause", "claudia.hartmann", "anja.wendler").hasSize(11);
	}

	@Test
	void anAdminPasswordOfADefaultRunIsReplacedByTheConfiguredOneAndLogged(CapturedOutput output) {
		String database = newDatabase();
		try (ConfigurableApplicationContext defaultRun = defaultRun(database, false)) {
			assertThat(defaultRun.getBean(ProcessEngine.class).getIdentityService().checkPassword("admin", "admin")).isTrue();
		}

		try (ConfigurableApplicationContext app = start(STRONG, database)) {
			var identity = app.getBean(ProcessEngine.class).getIdentityService();
			assertThat(identity.checkPassword("admin", "admin")).as("the default run's password").isFalse();
			assertThat(identity.checkPassword("admin", STRONG)).isTrue();
		}
		assertThat(output).contains("Das gespeicherte Passwort des Admins 'admin' wich von KOOPERATION_ADMIN_PASSWORD ab und wurde neu gesetzt")
			.contains("The stored password of admin 'admin' differed from KOOPERATION_ADMIN_PASSWORD and has been reset");
	}

	/**
	 * A start refused after the web server was set up leaves the webapps' lazy filter registration
	 * holding the failed context (Camunda clears it only when a context closes, and a failed one
	 * never does); in a real deployment the JVM exits, here the next start in this JVM would pick
	 * it up.
	 */
	@AfterEach
	void forgetAFailedContext() throws ClassNotFoundException {
		ReflectionTestUtils.setField(Class.forName("org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration"),
				"APPLICATION_CONTEXT", null);
	}

	private static String newDatabase() {
		return "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	/** Command-line arguments stand in for the environment variables of a real deployment. */
	private static ConfigurableApplicationContext start(String adminPassword, String database) {
		return new SpringApplicationBuilder(KooperationApplication.class)
			.profiles("prod")
			.run("--KOOPERATION_ADMIN_PASSWORD=" + adminPassword,
					"--KOOPERATION_DB_URL=" + database,
					"--server.port=0",
					// production mails go to a real SMTP server (nothing is sent in this test)
					"--spring.mail.host=127.0.0.1",
					// a name of its own: engines register JVM-wide by name, other test contexts use "default"
					"--camunda.bpm.process-engine-name=prod-test",
					"--camunda.bpm.job-execution.enabled=false");
	}

	/** The application as `mvn spring-boot:run` starts it (admin/admin), on the given database. */
	private static ConfigurableApplicationContext defaultRun(String database, boolean demoData) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database, "--server.port=0",
				"--kooperation.mail.embedded-port=0", "--kooperation.demo-data=" + demoData,
				"--camunda.bpm.process-engine-name=default-run-test", "--camunda.bpm.job-execution.enabled=false"));
		return new SpringApplicationBuilder(KooperationApplication.class).run(args.toArray(String[]::new));
	}

}
