package de.kooperation.reminder;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/** Default run and tests: mail goes to the embedded server (spring.mail.* is ignored then). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "kooperation.mail.embedded", havingValue = "true")
	static class Embedded {

		@Bean(initMethod = "start", destroyMethod = "stop")
		EmbeddedMailServer embeddedMailServer(@Value("${kooperation.mail.embedded-port:3025}") int port) {
			return new EmbeddedMailServer(port);
		}

		@Bean
		JavaMailSender javaMailSender(EmbeddedMailServer server) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(server.port());
			sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
			// fail fast when the server is down, so the job retries instead of hanging
			sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
			sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
			return sender;
		}

	}

}
