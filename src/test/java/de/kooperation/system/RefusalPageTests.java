package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * "Kein Zugriff" is written in one template: the app's own pages show it with their reason, the
 * error page shows it for a refusal outside our controllers (Cockpit, Admin) with its own sentence.
 */
class RefusalPageTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void theRefusalIsWrittenOutInOneTemplateOnly() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			List<String> writingItOut = files.filter(file -> file.toString().endsWith(".html"))
				.filter(file -> read(file).contains("<h1>Kein Zugriff</h1>"))
				.map(file -> file.getFileName().toString())
				.toList();

			assertThat(writingItOut).containsExactly(WebappLogin.REFUSED + ".html");
		}
	}

	@Test
	void onlyWebappLoginNamesTheRefusalPage_everyPageRefusesThroughIt() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			List<String> naming = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> read(file).contains("\"" + WebappLogin.REFUSED + "\""))
				.map(file -> file.getFileName().toString())
				.toList();

			assertThat(naming).containsExactly("WebappLogin.java");
		}
	}

	@Test
	void anOwnPageRefusesWithItsReason() {
		String page = render(WebappLogin.REFUSED, Map.of("reason", "Diese Seite ist der Projektleitung vorbehalten."));

		assertThat(page).contains("<title>Kein Zugriff – Kooperation</title>", "<h1>Kein Zugriff</h1>",
				"<p>Diese Seite ist der Projektleitung vorbehalten.</p>", "Zur Tasklist");
	}

	@Test
	void theErrorPageRefusesWithTheSameHeadingAndItsOwnSentence() {
		String page = render("error", Map.of("status", 403));

		assertThat(page).contains("<title>Kein Zugriff – Kooperation</title>", "<h1>Kein Zugriff</h1>",
				"<p>Dieser Bereich ist für Ihre Rolle nicht freigegeben. Ihre Aufgaben finden Sie in der Tasklist.</p>",
				"Zur Tasklist");
		assertThat(page).containsOnlyOnce("Zur Tasklist").doesNotContain("Seite nicht gefunden", "Anmeldung erforderlich");
	}

	private static String render(String template, Map<String, Object> variables) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine.process(template, new Context(Locale.GERMAN, variables));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(file.toString(), e);
		}
	}

}
