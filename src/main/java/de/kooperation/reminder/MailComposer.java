package de.kooperation.reminder;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails from templates/mail/NAME.html and NAME.txt (Thymeleaf; the HTML part escapes
 * what users typed). The engines are private to mails so they do not replace the page engine.
 */
@Component
public class MailComposer {

	private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	/** Where every mail's footer sends its reader to choose which mails they get. */
	private final String settingsLink;

	MailComposer(ReminderProperties properties) {
		this.settingsLink = properties.getBaseUrl() + "/benachrichtigungen";
	}

	private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/** Plain text and HTML of template {@code name}. */
	public Rendered render(String name, Map<String, Object> model) {
		Map<String, Object> values = new HashMap<>(model);
		values.putIfAbsent("settingsLink", settingsLink);
		Context context = new Context(Locale.GERMANY, values);
		return new Rendered(text.process(name, context), html.process(name, context));
	}

	public record Rendered(String text, String html) {
	}

}
