package de.kooperation.overview;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Goal;
import de.kooperation.agreement.Milestone;
import de.kooperation.agreement.MilestoneTasks;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Editing the draft of a Zielvereinbarung as lists: goals (Anlage 1), the milestone plan
 * (Anlage 2) and the duties of both sides. Rows are added (an empty row is always offered) and
 * removed (tick "entfernen"); one button saves all. The agency edits while one of its drafting
 * tasks is open; the Kommune's users read the draft here during their review.
 */
@Controller
class DraftPageController {

	static final String PATH = "/kooperationen/{municipalityId}/zielvereinbarung/entwurf";

	private final PageAccess access;

	private final MunicipalityRepository municipalities;

	private final Agreements agreements;

	private final CollaborationPageController collaborations;

	DraftPageController(PageAccess access, MunicipalityRepository municipalities, Agreements agreements,
			CollaborationPageController collaborations) {
		this.access = access;
		this.municipalities = municipalities;
		this.agreements = agreements;
		this.collaborations = collaborations;
	}

	@GetMapping(PATH)
	String draft(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (user.isEmpty() || municipality.isEmpty()) {
			return CollaborationPageController.refused(response, model, user);
		}
		boolean editable = PageAccess.isAgency(user.get()) && collaborations.draftingOpen(municipalityId);
		AgreementVersion draft = editable ? agreements.openDraft(municipalityId)
				: agreements.draft(municipalityId).or(() -> agreements.current(municipalityId)).orElse(null);
		model.addAttribute("municipality", municipality.get());
		model.addAttribute("draft", draft);
		model.addAttribute("editable", editable);
		model.addAttribute("fulfillingTasks", MilestoneTasks.OPTIONS);
		model.addAttribute("saved", request.getParameter("gespeichert") != null);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "entwurf";
	}

	@PostMapping(PATH)
	String save(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.isAgency(user.get()) || !collaborations.draftingOpen(municipalityId)) {
			return CollaborationPageController.forbidden(response, model,
					"Den Entwurf bearbeitet die Transferagentur, solange eine Entwurfsaufgabe offen ist.");
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.forbidden(response, model, "Das Formular ist abgelaufen. Bitte die Seite neu laden.");
		}
		agreements.saveDraftContent(municipalityId, goals(request), milestones(request), text(request.getParameter("municipalityDuties")),
				text(request.getParameter("agencyDuties")));
		return "redirect:/kooperationen/" + municipalityId + "/zielvereinbarung/entwurf?gespeichert";
	}

	private static List<Goal> goals(HttpServletRequest request) {
		String[] keys = values(request, "goalKey");
		Set<String> removed = Set.of(values(request, "goalRemove"));
		List<Goal> goals = new ArrayList<>();
		for (int row = 0; row < keys.length; row++) {
			String title = at(request, "goalTitle", row);
			if (title == null || removed.contains(keys[row])) {
				continue;
			}
			String priority = at(request, "goalPriority", row);
			goals.add(new Goal(keys[row], Goal.HIGH.equals(priority) || Goal.MEDIUM.equals(priority) ? priority : null, cut(title, 500),
					cut(at(request, "goalExplanation", row), 5000), cut(at(request, "goalMeasures", row), 5000),
					cut(at(request, "goalTimeFrame", row), 200)));
		}
		return goals;
	}

	private static List<Milestone> milestones(HttpServletRequest request) {
		String[] keys = values(request, "milestoneKey");
		Set<String> removed = Set.of(values(request, "milestoneRemove"));
		List<Milestone> milestones = new ArrayList<>();
		for (int row = 0; row < keys.length; row++) {
			String title = at(request, "milestoneTitle", row);
			if (title == null || removed.contains(keys[row])) {
				continue;
			}
			milestones.add(new Milestone(keys[row], cut(title, 500), cut(at(request, "milestonePurpose", row), 2000),
					cut(at(request, "milestoneMunicipalityPart", row), 2000), cut(at(request, "milestoneAgencyPart", row), 2000),
					cut(at(request, "milestonePeriod", row), 200), day(at(request, "milestoneDue", row)),
					"abgeschlossen".equals(at(request, "milestoneStatus", row)),
					MilestoneTasks.known(at(request, "milestoneFulfilledBy", row))));
		}
		return milestones;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : Arrays.stream(values).map(value -> value == null ? "" : value).toArray(String[]::new);
	}

	private static String at(HttpServletRequest request, String name, int row) {
		String[] values = values(request, name);
		return row < values.length ? text(values[row]) : null;
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static LocalDate day(String value) {
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

}
