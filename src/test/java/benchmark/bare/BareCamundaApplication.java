package benchmark.bare;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;

/**
 * The baseline of the startup benchmark: a bare Camunda 7.24 Spring Boot application (engine,
 * Tasklist/Cockpit/Admin, REST, H2 file database, one trivial process) started exactly like
 * Kooperation. Outside de.kooperation, so no test scans it; it reads bare.yaml instead of
 * application.yaml (-Dspring.config.name=bare), and the auto-configurations of the libraries only
 * Kooperation uses (Flyway, mail, Thymeleaf) are off.
 */
@SpringBootApplication(exclude = { FlywayAutoConfiguration.class, MailSenderAutoConfiguration.class,
		MailSenderValidatorAutoConfiguration.class, ThymeleafAutoConfiguration.class })
public class BareCamundaApplication {

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
		System.setProperty("spring.config.name", "bare");
		SpringApplication.run(BareCamundaApplication.class, args);
	}

}
