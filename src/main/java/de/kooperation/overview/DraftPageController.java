package de.kooperation.overview;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
import de.kooperation.form.FormRules;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Editing the draft of a Zielvereinbarung as lists: goals (Anlage 1), the milestone plan
 * (Anlage 2) and the duties of both sides. Rows are added (a few empty rows are always offered,
 * "Weitere leere Zeilen" shows what was typed again with more, without saving and without
 * JavaScript) and removed (tick "entfernen"); one button saves all, every row checked. The agency edits while one of its drafting
 * tasks is open; the Kommune's users read the draft here during their review.
 */
@Controller
class DraftPageController {

	static final String PATH = "/kooperationen/{municipalityId}/zielvereinbarung/entwurf";

	private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

	/** Empty rows offered for new goals and milestones, under the typed ones. */
	static final int BLANK_ROWS = 3;

	/** A new row (no key yet) that is ticked "entfernen": by its place in the list. */
	private static final String ROW_PREFIX = "zeile-";

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
		model.addAttribute("blankRows", BLANK_ROWS);
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
			return CollaborationPageController.expiredForm(response, model);
		}
		List<String> problems = new ArrayList<>();
		List<Goal> goals = goals(request, problems);
		List<Milestone> milestones = milestones(request, problems);
		String municipalityDuties = checked(text(request.getParameter("municipalityDuties")), 5000, "Pflichten der Kommune", problems);
		String agencyDuties = checked(text(request.getParameter("agencyDuties")), 5000, "Pflichten der Transferagentur", problems);
		boolean moreRows = request.getParameter("weitereZeilen") != null;
		if (!problems.isEmpty() || moreRows) {
			// nothing is saved; the page shows what was typed (with every problem named, or with more empty rows)
			AgreementVersion draft = agreements.openDraft(municipalityId);
			model.addAttribute("municipality", municipalities.findById(municipalityId).orElseThrow());
			model.addAttribute("draft", new AgreementVersion(draft.id(), draft.municipalityId(), draft.number(), draft.signed(),
					draft.signedOn(), draft.documentLink(), draft.periodStart(), draft.periodEnd(), draft.municipalityContacts(),
					draft.agencyContacts(), municipalityDuties, agencyDuties, draft.changeSummary(), draft.createdAt(), goals, milestones));
			model.addAttribute("editable", true);
			model.addAttribute("fulfillingTasks", MilestoneTasks.OPTIONS);
			model.addAttribute("saved", false);
			model.addAttribute("csrf", PageAccess.csrfToken(request));
			model.addAttribute("blankRows", moreRows ? BLANK_ROWS * 2 : BLANK_ROWS);
			if (!moreRows) {
				model.addAttribute("problems", problems);
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			return "entwurf";
		}
		agreements.saveDraftContent(municipalityId, goals, milestones, municipalityDuties, agencyDuties);
		return "redirect:/kooperationen/" + municipalityId + "/zielvereinbarung/entwurf?gespeichert";
	}

	/** Goal rows: a row with anything typed needs a title; nothing is cut or replaced silently. */
	private static List<Goal> goals(HttpServletRequest request, List<String> problems) {
		String[] keys = values(request, "goalKey");
		Set<String> removed = Set.of(values(request, "goalRemove"));
		List<Goal> goals = new ArrayList<>();
		for (int row = 0; row < keys.length; row++) {
			String where = "Ziel " + (row + 1);
			String title = at(request, "goalTitle", row);
			String priority = at(request, "goalPriority", row);
			String explanation = at(request, "goalExplanation", row);
			String measures = at(request, "goalMeasures", row);
			String timeFrame = at(request, "goalTimeFrame", row);
			if (removed(removed, keys[row], row) || allBlank(title, explanation, measures, timeFrame)) {
				continue;
			}
			checkKey(keys[row], where, problems);
			if (title == null) {
				problems.add(where + ": Bitte einen Titel angeben (oder die Zeile leeren bzw. „entfernen“ ankreuzen).");
			}
			if (priority != null && !Goal.HIGH.equals(priority) && !Goal.MEDIUM.equals(priority)) {
				problems.add(where + ": Die Priorität ist „hoch“, „mittel“ oder leer.");
				priority = null;
			}
			goals.add(new Goal(keys[row], priority, checked(title, 500, where + ", Titel", problems),
					checked(explanation, 5000, where + ", Erläuterung", problems), checked(measures, 5000, where + ", erste Maßnahmen", problems),
					checked(timeFrame, 200, where + ", Zeitrahmen", problems)));
		}
		return goals;
	}

	/** Milestone rows: a title, a real deadline between 2000 and 2100, known choices. */
	private static List<Milestone> milestones(HttpServletRequest request, List<String> problems) {
		String[] keys = values(request, "milestoneKey");
		Set<String> removed = Set.of(values(request, "milestoneRemove"));
		List<Milestone> milestones = new ArrayList<>();
		for (int row = 0; row < keys.length; row++) {
			String where = "Meilenstein " + (row + 1);
			String title = at(request, "milestoneTitle", row);
			String purpose = at(request, "milestonePurpose", row);
			String municipalityPart = at(request, "milestoneMunicipalityPart", row);
			String agencyPart = at(request, "milestoneAgencyPart", row);
			String period = at(request, "milestonePeriod", row);
			String due = at(request, "milestoneDue", row);
			String status = at(request, "milestoneStatus", row);
			String fulfilledBy = at(request, "milestoneFulfilledBy", row);
			if (removed(removed, keys[row], row) || allBlank(title, purpose, municipalityPart, agencyPart, period, due)) {
				continue;
			}
			checkKey(keys[row], where, problems);
			if (title == null) {
				problems.add(where + ": Bitte einen Titel angeben (oder die Zeile leeren bzw. „entfernen“ ankreuzen).");
			}
			LocalDate dueOn = day(due);
			if (due != null && dueOn == null) {
				problems.add(where + ": Die Frist ist kein gültiges Datum (TT.MM.JJJJ).");
			}
			else if (dueOn != null && !FormRules.plausible(dueOn)) {
				problems.add(where + ": Die Frist muss zwischen 2000 und 2100 liegen.");
			}
			if (status != null && !"offen".equals(status) && !"abgeschlossen".equals(status)) {
				problems.add(where + ": Der Status ist „offen“ oder „abgeschlossen“.");
			}
			if (fulfilledBy != null && MilestoneTasks.known(fulfilledBy) == null) {
				problems.add(where + ": Unbekannte Auswahl bei „Erfüllt durch“.");
			}
			milestones.add(new Milestone(keys[row], checked(title, 500, where + ", Titel", problems),
					checked(purpose, 2000, where + ", Zweck", problems), checked(municipalityPart, 2000, where + ", Teil der Kommune", problems),
					checked(agencyPart, 2000, where + ", Teil der Transferagentur", problems), checked(period, 200, where + ", Zeitraum", problems),
					dueOn, "abgeschlossen".equals(status), MilestoneTasks.known(fulfilledBy)));
		}
		return milestones;
	}

	/** Ticked "entfernen": a stored row by its key, a new one (no key yet) by its place. */
	private static boolean removed(Set<String> removed, String key, int row) {
		return removed.contains(key.isEmpty() ? ROW_PREFIX + row : key);
	}

	/** Keys are ours (z-1a2b3c4d) or empty for a new row; anything else did not come from this page. */
	private static void checkKey(String key, String where, List<String> problems) {
		if (!key.isEmpty() && !KEY.matcher(key).matches()) {
			problems.add(where + ": Die Zeile gehört nicht zu diesem Entwurf; bitte die Seite neu laden.");
		}
	}

	/** The text as typed; too long or with control characters is named, not cut. */
	private static String checked(String value, int max, String what, List<String> problems) {
		if (value == null) {
			return null;
		}
		if (value.length() > max) {
			problems.add(what + ": höchstens " + max + " Zeichen (eingegeben: " + value.length() + ").");
		}
		if (FormRules.hasControlCharacters(value)) {
			problems.add(what + ": enthält unzulässige Steuerzeichen.");
		}
		return value;
	}

	private static boolean allBlank(String... values) {
		return Arrays.stream(values).allMatch(value -> value == null);
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

	private static LocalDate day(String value) {
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

}
