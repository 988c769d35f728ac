package de.kooperation.overview;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Goal;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.plan.Activity;
import de.kooperation.plan.Plan;
import de.kooperation.plan.PlanImport;
import de.kooperation.plan.PlanStatus;
import de.kooperation.plan.Plans;
import de.kooperation.plan.TimelineChart;
import de.kooperation.system.WebappLogin;

/**
 * "Zeitplan": the Kommune's own project timeline (seed 001) as a timeline and a table, its
 * changes, the activity form, the import from a spreadsheet and the PDF (A4 landscape). The
 * Kommune's own users edit it (it is theirs); the agency reads it; another Kommune is refused.
 */
@Controller
class TimelinePageController {

	static final String READ_ONLY = "Den Zeitplan bearbeitet die Kommune selbst; die Transferagentur kann ihn lesen.";

	/** Where the import's preview waits for confirmation, per Kommune. */
	static final String PREVIEW_ATTRIBUTE = "kooperation.plan-import.";

	private final PageAccess access;

	private final MunicipalityRepository municipalities;

	private final Agreements agreements;

	private final Plans plans;

	private final TimelineChart chart;

	private final PrintedPages printed;

	TimelinePageController(PageAccess access, MunicipalityRepository municipalities, Agreements agreements, Plans plans,
			TimelineChart chart, PrintedPages printed) {
		this.access = access;
		this.municipalities = municipalities;
		this.agreements = agreements;
		this.plans = plans;
		this.chart = chart;
		this.printed = printed;
	}

	@GetMapping("/kooperationen/{municipalityId}/zeitplan")
	String timeline(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (user.isEmpty() || municipality.isEmpty()) {
			return CollaborationPageController.refused(response, model, user);
		}
		return timelinePage(municipality.get(), user.get(), new HashMap<>(), new LinkedHashMap<>(), request, model);
	}

	/** A comment on the plan or one activity, by either side; kept in the history with who and when. */
	@PostMapping("/kooperationen/{municipalityId}/zeitplan/kommentar")
	String comment(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (user.isEmpty() || municipality.isEmpty()) {
			return CollaborationPageController.refused(response, model, user);
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.expiredForm(response, model);
		}
		Map<String, String> values = new HashMap<>();
		values.put("comment", request.getParameter("comment"));
		values.put("commentActivity", request.getParameter("commentActivity"));
		Map<String, String> errors = plans.comment(municipalityId, values.get("commentActivity"), values.get("comment"), user.get().id());
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return timelinePage(municipality.get(), user.get(), values, errors, request, model);
		}
		return "redirect:/kooperationen/" + municipalityId + "/zeitplan?kommentiert#aenderungen";
	}

	/** The plan's years, set by the Kommune. */
	@PostMapping("/kooperationen/{municipalityId}/zeitplan/jahre")
	String years(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = editor(municipalityId, request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.expiredForm(response, model);
		}
		Map<String, String> values = new HashMap<>();
		values.put("firstYear", request.getParameter("firstYear"));
		values.put("lastYear", request.getParameter("lastYear"));
		Map<String, String> errors = plans.changeYears(municipalityId, values.get("firstYear"), values.get("lastYear"), user.get().id());
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return timelinePage(municipalities.findById(municipalityId).orElseThrow(), user.get(), values, errors, request, model);
		}
		return "redirect:/kooperationen/" + municipalityId + "/zeitplan?gespeichert";
	}

	/**
	 * The Kommune's own users switch reminders of its activities' ends on or off (off by default);
	 * a plan not kept in the application yet has nothing to remind of.
	 */
	@PostMapping("/kooperationen/{municipalityId}/zeitplan/erinnerungen")
	String reminders(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = editor(municipalityId, request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.expiredForm(response, model);
		}
		String wanted = request.getParameter("reminders");
		Map<String, String> errors = new LinkedHashMap<>();
		if (!"an".equals(wanted) && !"aus".equals(wanted)) {
			errors.put("reminders", "Bitte wählen Sie, ob die Erinnerungen an- oder ausgeschaltet werden sollen.");
		}
		else if (!plans.exists(municipalityId)) {
			errors.put("reminders", "Legen Sie zuerst Maßnahmen im Zeitplan an; dann können Sie an deren Ende erinnern lassen.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return timelinePage(municipalities.findById(municipalityId).orElseThrow(), user.get(), new HashMap<>(), errors, request, model);
		}
		plans.switchReminders(municipalityId, "an".equals(wanted), user.get().id());
		return "redirect:/kooperationen/" + municipalityId + "/zeitplan?erinnerungen=gespeichert";
	}

	private String timelinePage(Municipality municipality, WebappLogin.User user, Map<String, String> values, Map<String, String> errors,
			HttpServletRequest request, Model model) {
		Plan plan = plans.of(municipality.id());
		model.addAllAttributes(content(municipality, plan));
		model.addAttribute("editor", !PageAccess.isAgency(user));
		model.addAttribute("changes", plans.changes(municipality.id()));
		model.addAttribute("remindersOn", plans.remindersSince(municipality.id()).isPresent());
		model.addAttribute("saved", request.getParameter("gespeichert") != null);
		model.addAttribute("remindersSaved", request.getParameter("erinnerungen") != null);
		model.addAttribute("commented", request.getParameter("kommentiert") != null);
		model.addAttribute("imported", request.getParameter("importiert"));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "zeitplan";
	}

	@GetMapping("/kooperationen/{municipalityId}/zeitplan.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response) {
		Model model = new ExtendedModelMap();
		if (access.municipality(request, response, model, municipalityId).isEmpty()) {
			return ResponseEntity.status(response.getStatus()).build();
		}
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (municipality.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		Plan plan = plans.of(municipalityId);
		Map<String, Object> content = content(municipality.get(), plan);
		// A4 landscape holds about 1000 px between the margins
		content.put("chart", chart.svg(plan, Plans.today(), 1000));
		byte[] document = printed.pdf("zeitplan-druck", content, "Zeitplan");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"Zeitplan-" + municipalityId + ".pdf\"")
			.body(document);
	}

	@GetMapping({ "/kooperationen/{municipalityId}/zeitplan/massnahmen/neu", "/kooperationen/{municipalityId}/zeitplan/massnahmen/{activityId}" })
	String activityForm(@PathVariable String municipalityId, @PathVariable(required = false) String activityId,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = editor(municipalityId, request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		Plan plan = plans.of(municipalityId);
		Map<String, String> values = new HashMap<>();
		if (activityId != null) {
			Optional<Activity> activity = plan.activity(activityId);
			if (activity.isEmpty()) {
				return CollaborationPageController.refused(response, model, user);
			}
			values.put("fieldId", activity.get().fieldId());
			values.put("title", activity.get().title());
			values.put("responsible", activity.get().responsible());
			values.put("status", activity.get().status().label());
			values.put("goalKey", activity.get().goalKey());
			plan.years().forEach(year -> values.put("period" + year, activity.get().periodText(year)));
		}
		else {
			values.put("status", PlanStatus.PLANNED.label());
			values.put("fieldId", plan.fields().isEmpty() ? Plans.NEW_FIELD : plan.fields().get(0).id());
		}
		return form(municipalityId, activityId, plan, values, new LinkedHashMap<>(), request, model);
	}

	@PostMapping({ "/kooperationen/{municipalityId}/zeitplan/massnahmen/neu", "/kooperationen/{municipalityId}/zeitplan/massnahmen/{activityId}" })
	String saveActivity(@PathVariable String municipalityId, @PathVariable(required = false) String activityId,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = editor(municipalityId, request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.expiredForm(response, model);
		}
		Plan plan = plans.of(municipalityId);
		Map<Integer, String> periods = new HashMap<>();
		Map<String, String> values = new HashMap<>();
		for (String name : List.of("fieldId", "newField", "title", "responsible", "status", "goalKey")) {
			values.put(name, request.getParameter(name));
		}
		for (int year : plan.years()) {
			periods.put(year, request.getParameter("period" + year));
			values.put("period" + year, request.getParameter("period" + year));
		}
		Plans.ActivityInput input = new Plans.ActivityInput(values.get("fieldId"), values.get("newField"), values.get("title"),
				values.get("responsible"), values.get("status"), values.get("goalKey"), periods);
		Map<String, String> errors = plans.save(municipalityId, activityId, input, goals(municipalityId).keySet(), user.get().id());
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return form(municipalityId, activityId, plan, values, errors, request, model);
		}
		return "redirect:/kooperationen/" + municipalityId + "/zeitplan?gespeichert";
	}

	@GetMapping("/kooperationen/{municipalityId}/zeitplan/import")
	String importForm(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = editor(municipalityId, request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		return importPage(municipalityId, null, null, request, model);
	}

	@PostMapping("/kooperationen/{municipalityId}/zeitplan/import")
	String preview(@PathVariable String municipalityId, @RequestParam(name = "datei", required = false) MultipartFile file,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = editor(municipalityId, request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.expiredForm(response, model);
		}
		request.getSession().removeAttribute(PREVIEW_ATTRIBUTE + municipalityId);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return importPage(municipalityId, null, "Bitte wählen Sie eine CSV- oder XLSX-Datei mit Ihrem Zeitplan.", request, model);
		}
		try {
			PlanImport.Result result = PlanImport.read(file.getBytes(), file.getOriginalFilename());
			Preview preview = new Preview(fileName(file), result);
			request.getSession().setAttribute(PREVIEW_ATTRIBUTE + municipalityId, preview);
			if (result.isEmpty()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			}
			return importPage(municipalityId, preview, result.isEmpty() ? "In der Datei steht keine Maßnahme, die übernommen werden kann." : null,
					request, model);
		}
		catch (PlanImport.Unreadable | IOException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return importPage(municipalityId, null, e instanceof PlanImport.Unreadable ? e.getMessage()
					: "Die Datei kam nicht vollständig an. Bitte versuchen Sie es noch einmal.", request, model);
		}
	}

	@PostMapping("/kooperationen/{municipalityId}/zeitplan/import/uebernehmen")
	String confirmImport(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = editor(municipalityId, request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.expiredForm(response, model);
		}
		Object preview = request.getSession().getAttribute(PREVIEW_ATTRIBUTE + municipalityId);
		if (!(preview instanceof Preview kept) || kept.result().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return importPage(municipalityId, null, "Es liegt keine Vorschau vor. Bitte laden Sie die Datei erneut hoch.", request, model);
		}
		int activities = plans.importPlan(municipalityId, kept.result(), user.get().id(), kept.fileName());
		request.getSession().removeAttribute(PREVIEW_ATTRIBUTE + municipalityId);
		return "redirect:/kooperationen/" + municipalityId + "/zeitplan?importiert=" + activities;
	}

	/** An import read and waiting for confirmation. */
	record Preview(String fileName, PlanImport.Result result) implements Serializable {
	}

	private String importPage(String municipalityId, Preview preview, String error, HttpServletRequest request, Model model) {
		model.addAttribute("municipality", municipalities.findById(municipalityId).orElseThrow());
		model.addAttribute("preview", preview);
		model.addAttribute("error", error);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "zeitplan-import";
	}

	private String form(String municipalityId, String activityId, Plan plan, Map<String, String> values, Map<String, String> errors,
			HttpServletRequest request, Model model) {
		model.addAttribute("municipality", municipalities.findById(municipalityId).orElseThrow());
		model.addAttribute("plan", plan);
		model.addAttribute("activityId", activityId);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("goals", goals(municipalityId));
		model.addAttribute("statuses", PlanStatus.values());
		model.addAttribute("newField", Plans.NEW_FIELD);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "zeitplan-massnahme";
	}

	/** The Kommune's own user; the agency and others get the refusal page. */
	private Optional<WebappLogin.User> editor(String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		if (user.isEmpty()) {
			return user;
		}
		if (PageAccess.isAgency(user.get())) {
			WebappLogin.prepareRefusal(response, model, HttpStatus.FORBIDDEN, READ_ONLY);
			return Optional.empty();
		}
		if (municipalities.findById(municipalityId).isEmpty()) {
			WebappLogin.prepareRefusal(response, model, HttpStatus.NOT_FOUND, "Diese Kommune gibt es nicht.");
			return Optional.empty();
		}
		return user;
	}

	/** The goals of the agreement in force, by key. */
	private Map<String, String> goals(String municipalityId) {
		Map<String, String> goals = new LinkedHashMap<>();
		agreements.current(municipalityId).map(AgreementVersion::goals).orElse(List.of())
			.forEach((Goal goal) -> goals.put(goal.key(), goal.title()));
		return goals;
	}

	private Map<String, Object> content(Municipality municipality, Plan plan) {
		Map<String, Object> content = new HashMap<>();
		content.put("municipality", municipality);
		content.put("plan", plan);
		content.put("today", Plans.today());
		content.put("chart", chart.svg(plan, Plans.today()));
		content.put("goals", goals(municipality.id()));
		content.put("colours", colours());
		return content;
	}

	private static Map<PlanStatus, String> colours() {
		Map<PlanStatus, String> colours = new LinkedHashMap<>();
		for (PlanStatus status : PlanStatus.values()) {
			colours.put(status, TimelineChart.colour(status));
		}
		return colours;
	}

	private static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "Datei";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		return base.length() > 200 ? base.substring(0, 200) : base;
	}

}
