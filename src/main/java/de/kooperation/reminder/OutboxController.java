package de.kooperation.reminder;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.kooperation.KooperationApplication;
import de.kooperation.identity.PartyGroups;
import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Postausgang": what the application sent, to whom and when, newest first. For the agency and
 * the admin; Kommune users see only their own mails in their mailbox.
 */
@Controller
class OutboxController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(ZoneId.of(KooperationApplication.ZONE));

	private final ReminderRepository reminders;

	private final WebappLogin login;

	OutboxController(ReminderRepository reminders, WebappLogin login) {
		this.reminders = reminders;
		this.login = login;
	}

	@GetMapping("/postausgang")
	String outbox(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = login.current(request);
		if (user.isEmpty()) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("loginPage", WebappLogin.LOGIN_PAGE);
			return "login-required";
		}
		if (!user.get().inAnyGroup(PartyGroups.AGENCY_TEAM, PartyGroups.AGENCY_LEADERSHIP, "camunda-admin")) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "forbidden";
		}
		model.addAttribute("mails", reminders.latestMails(500).stream()
			.map(mail -> new Row(WHEN.format(mail.sentAt()), mail.recipients(), mail.subject(), label(mail.kind()),
					mail.municipalityId() == null ? "–" : mail.municipalityId()))
			.toList());
		return "postausgang";
	}

	record Row(String sentAt, String recipients, String subject, String kind, String municipality) {
	}

	private static String label(String kind) {
		if (kind.startsWith(MeetingInvitations.KIND_PREFIX)) {
			return kind.equals(MeetingInvitations.KIND_PREFIX + "0") ? "Einladung" : "Terminänderung";
		}
		return switch (ReminderKind.of(kind)) {
			case BEFORE -> "Erinnerung";
			case DUE -> "Heute fällig";
			case OVERDUE -> "Überfällig";
			case ESCALATION -> "Eskalation";
			case DIGEST -> "Wochenübersicht";
		};
	}

}
