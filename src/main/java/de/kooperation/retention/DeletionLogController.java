package de.kooperation.retention;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.kooperation.system.WebappLogin;
import de.kooperation.shared.Zone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Löschprotokoll" for the administrator: which collaboration's personal data was deleted, what
 * kind and when, and which ended collaborations are still waiting for their deletion date.
 */
@Controller
class DeletionLogController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy")
		.withZone(ZoneId.of(Zone.ID));

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(ZoneId.of(Zone.ID));

	private final DeletionLog log;

	private final PersonalDataCleanup cleanup;

	private final RetentionProperties properties;

	private final WebappLogin login;

	DeletionLogController(DeletionLog log, PersonalDataCleanup cleanup, RetentionProperties properties, WebappLogin login) {
		this.log = log;
		this.cleanup = cleanup;
		this.properties = properties;
		this.login = login;
	}

	record Deleted(String deletedAt, String municipality, String processInstanceId, String endedAt, String kind, int count) {
	}

	record Planned(String municipality, String processInstanceId, String endedAt, String deletionDue) {
	}

	@GetMapping("/loeschprotokoll")
	String deletionLog(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (login.page(request, response, model, user -> user.inAnyGroup(Groups.CAMUNDA_ADMIN),
				"Das Löschprotokoll ist der Administration vorbehalten.").isEmpty()) {
			return WebappLogin.refusal(model);
		}
		model.addAttribute("days", properties.getPersonalDataDays());
		model.addAttribute("deleted", log.latest(1000).stream()
			.map(entry -> new Deleted(WHEN.format(entry.deletedAt()), entry.municipalityId(), entry.processInstanceId(),
					DAY.format(entry.endedAt()), PersonalData.Kind.labelOf(entry.kind()), entry.itemCount()))
			.toList());
		model.addAttribute("planned", cleanup.pending(null).stream()
			.map(pending -> new Planned(pending.municipalityId(), pending.processInstanceId(), DAY.format(pending.endedAt()),
					DAY.format(pending.deletionDue())))
			.toList());
		return "loeschprotokoll";
	}

}
