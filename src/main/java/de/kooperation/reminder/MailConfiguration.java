package de.kooperation.reminder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/** {@code spring.mail.properties.*}: what Spring Boot gives a real server's sender. */
	static Map<String, String> javaMailProperties(Environment environment) {
		return Binder.get(environment).bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
	}

	/** Default run and tests: mail goes to the embedded server (spring.mail.* is ignored then). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "kooperation.mail.embedded", havingValue = "true")
	static class Embedded {

		@Bean(initMethod = "start", destroyMethod = "stop")
		EmbeddedMailServer embeddedMailServer(@Value("${kooperation.mail.embedded-port:3025}") int port) {
			return new EmbeddedMailServer(port);
		}

		@Bean
		JavaMailSender javaMailSender(EmbeddedMailServer server, Environment environment) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(server.port());
			sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
			// the same JavaMail settings as a real server gets, above all its timeouts
			sender.getJavaMailProperties().putAll(javaMailProperties(environment));
			return sender;
		}

	}

}
