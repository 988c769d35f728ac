package de.kooperation.reminder;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.system.WebappLogin;
import de.kooperation.shared.Zone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Postausgang": what the application sent, to whom and when, newest first; a mail opens with
 * its text, its links (the task in Tasklist) and its calendar invitation to download. For the
 * agency and the admin; Kommune users see only their own mails in their mailbox.
 */
@Controller
class OutboxController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(ZoneId.of(Zone.ID));

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private final ReminderRepository reminders;

	private final WebappLogin login;

	private final MunicipalityRepository municipalities;

	OutboxController(ReminderRepository reminders, WebappLogin login, MunicipalityRepository municipalities) {
		this.reminders = reminders;
		this.login = login;
		this.municipalities = municipalities;
	}

	@GetMapping("/postausgang")
	String outbox(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> refusal = refusal(request, response, model);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Map<String, String> names = names();
		model.addAttribute("mails", reminders.latestMails(500).stream().map(mail -> row(mail, names)).toList());
		return "postausgang";
	}

	@GetMapping("/postausgang/{id}")
	String mail(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> refusal = refusal(request, response, model);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Optional<ReminderRepository.OpenedMail> mail = reminders.mail(id);
		if (mail.isEmpty()) {
			return WebappLogin.refused(response, model, HttpStatus.NOT_FOUND, "Diese E-Mail gibt es im Postausgang nicht (mehr).");
		}
		model.addAttribute("mail", row(mail.get().mail(), names()));
		model.addAttribute("text", mail.get().text());
		model.addAttribute("links", links(mail.get().text()));
		model.addAttribute("calendar", mail.get().calendar() != null);
		return "postausgang-mail";
	}

	@GetMapping("/postausgang/{id}/einladung.ics")
	ResponseEntity<?> calendar(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (refusal(request, response, model).isPresent()) {
			return plain(HttpStatus.valueOf(response.getStatus()), response.getStatus() == HttpStatus.UNAUTHORIZED.value()
					? "Bitte melden Sie sich zuerst an." : "Der Postausgang ist der Transferagentur vorbehalten.");
		}
		Optional<String> calendar = reminders.mail(id).map(ReminderRepository.OpenedMail::calendar);
		if (calendar.isEmpty()) {
			return plain(HttpStatus.NOT_FOUND, "Zu dieser E-Mail gibt es keine Kalendereinladung.");
		}
		String method = reminders.mail(id).map(ReminderRepository.OpenedMail::calendarMethod).orElse("REQUEST");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8; method=" + method))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"einladung.ics\"")
			.body(calendar.get().getBytes(StandardCharsets.UTF_8));
	}

	private Optional<String> refusal(HttpServletRequest request, HttpServletResponse response, Model model) {
		return login.page(request, response, model,
				user -> PartyGroups.seeEveryMunicipality(user.groupIds()),
				"Diese Seite ist der Transferagentur vorbehalten.").isPresent() ? Optional.empty()
						: Optional.of(WebappLogin.refusal(model));
	}

	private static ResponseEntity<byte[]> plain(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

	record Row(String id, String sentAt, String recipients, String subject, String kind, String municipality) {
	}

	record Link(String url, String label) {
	}

	/** The Kommune's name for its id; a Kommune deleted since keeps its id. */
	private Map<String, String> names() {
		return municipalities.findAll().stream().collect(Collectors.toMap(Municipality::id, Municipality::name));
	}

	private static Row row(ReminderRepository.SentMail mail, Map<String, String> names) {
		return new Row(mail.id(), WHEN.format(mail.sentAt()), mail.recipients(), mail.subject(), label(mail.kind()),
				mail.municipalityId() == null ? "–" : names.getOrDefault(mail.municipalityId(), mail.municipalityId()));
	}

	private static List<Link> links(String text) {
		List<Link> links = new ArrayList<>();
		if (text == null) {
			return links;
		}
		Matcher matcher = LINK.matcher(text);
		while (matcher.find()) {
			String url = matcher.group();
			links.add(new Link(url, url.contains("task=") ? "Aufgabe in der Tasklist öffnen" : url));
		}
		return links;
	}

	private static String label(String kind) {
		if (kind.startsWith(MeetingInvitations.CANCEL_PREFIX)) {
			return "Absage";
		}
		if (kind.startsWith(MeetingInvitations.KIND_PREFIX)) {
			return kind.equals(MeetingInvitations.KIND_PREFIX + "0") ? "Einladung" : "Terminänderung";
		}
		if (kind.equals(Mailer.KIND_WELCOME)) {
			return "Willkommen";
		}
		if (kind.startsWith(ReminderKind.BEFORE.name() + "_")) {
			return "Erinnerung";
		}
		ReminderKind known;
		try {
			known = ReminderKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			// a kind of a later version the page does not know yet: still list the mail
			return "E-Mail";
		}
		return switch (known) {
			case BEFORE -> "Erinnerung";
			case DUE -> "Heute fällig";
			case OVERDUE -> "Überfällig";
			case ESCALATION -> "Eskalation";
			case DIGEST -> "Wochenübersicht";
		};
	}

}
