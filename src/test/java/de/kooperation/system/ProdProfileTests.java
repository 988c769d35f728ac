package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.kooperation.KooperationApplication;
import de.kooperation.municipality.MunicipalityRepository;

/** The production profile: no start without an admin password from the environment, no demo data. */
class ProdProfileTests {

	@Test
	void refusesToStartWithoutAnAdminPassword() {
		assertThatThrownBy(() -> start(""))
			.isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class)
			.hasMessageContaining("KOOPERATION_ADMIN_PASSWORD");
	}

	@Test
	void refusesTheDevelopmentPassword() {
		assertThatThrownBy(() -> start("admin")).isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class);
	}

	@Test
	void startsWithAPasswordFromTheEnvironmentAndWithoutDemoData() {
		try (ConfigurableApplicationContext app = start("s3cret-Prod")) {
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			assertThat(engine.getIdentityService().checkPassword("admin", "s3cret-Prod")).isTrue();
			assertThat(engine.getIdentityService().createUserQuery().userId("lena.vogt").count()).isZero();
			assertThat(app.getBean(MunicipalityRepository.class).findAll()).isEmpty();
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
			var servletContext = ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) app)
				.getServletContext();
			assertThat(servletContext.getSessionCookieConfig().isSecure()).as("secure session cookie").isTrue();
			assertThat(servletContext.getFilterRegistrations().keySet()).as("CSRF protection of the webapps")
				.anyMatch(name -> name.toLowerCase().contains("csrf"));
		}
	}

	/** Command-line arguments stand in for the environment variables of a real deployment. */
	private static ConfigurableApplicationContext start(String adminPassword) {
		return new SpringApplicationBuilder(KooperationApplication.class)
			.profiles("prod")
			.run("--KOOPERATION_ADMIN_PASSWORD=" + adminPassword,
					"--KOOPERATION_DB_URL=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--server.port=0",
					// production mails go to a real SMTP server (nothing is sent in this test)
					"--spring.mail.host=127.0.0.1",
					// a name of its own: engines register JVM-wide by name, other test contexts use "default"
					"--camunda.bpm.process-engine-name=prod-test",
					"--camunda.bpm.job-execution.enabled=false");
	}

}
