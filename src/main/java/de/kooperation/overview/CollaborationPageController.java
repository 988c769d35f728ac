package de.kooperation.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Milestone;
import de.kooperation.agreement.MilestoneParts;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.maturity.MaturityChart;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.reminder.WorkingDays;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;
import de.kooperation.system.WebappLogin;

/**
 * "Kooperation Eisenach": the agreement in force, its milestone plan with status and deadlines,
 * the version history with what changed, the maturity chart and the open tasks of both sides;
 * a version as PDF for signing, the result report of the baseline analysis as PDF. For the agency and the Kommune's own users.
 */
@Controller
class CollaborationPageController {

	/** The tasks in which the draft may be edited. */
	static final List<String> DRAFTING_TASKS = List.of(AgreementProcess.Elements.DRAFT, AgreementProcess.Elements.REVISE,
			RevisionProcess.Elements.DRAFT, RevisionProcess.Elements.REVISE);

	private final PageAccess access;

	private final MunicipalityRepository municipalities;

	private final Agreements agreements;

	private final CollaborationFacts facts;

	private final MaturityAssessments assessments;

	private final MaturityChart chart;

	private final AgreementPdf pdf;

	private final ResultReport resultReport;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final MilestoneParts milestoneParts;

	private final WorkingDays workingDays;

	/**
	 * Deadlines on a weekend or holiday of the Kommune's state are due, and reminded of, on the next working
	 * day (the rule of task due dates): the page names that day beside the written deadline.
	 */
	private Map<String, LocalDate> effectiveDue(AgreementVersion version, String federalState) {
		Map<String, LocalDate> moved = new HashMap<>();
		if (version != null) {
			for (Milestone milestone : version.milestones()) {
				LocalDate due = milestone.dueOn() == null ? null : workingDays.onOrAfter(milestone.dueOn(), federalState);
				if (due != null && !due.equals(milestone.dueOn())) {
					moved.put(milestone.key(), due);
				}
			}
		}
		return moved;
	}

	private final StaffNames staffNames;

	CollaborationPageController(PageAccess access, MunicipalityRepository municipalities, Agreements agreements,
			CollaborationFacts facts, MaturityAssessments assessments, MaturityChart chart, AgreementPdf pdf, ResultReport resultReport,
			TaskService taskService, RuntimeService runtimeService, MilestoneParts milestoneParts, WorkingDays workingDays,
			StaffNames staffNames) {
		this.staffNames = staffNames;
		this.milestoneParts = milestoneParts;
		this.workingDays = workingDays;
		this.access = access;
		this.municipalities = municipalities;
		this.agreements = agreements;
		this.facts = facts;
		this.assessments = assessments;
		this.chart = chart;
		this.pdf = pdf;
		this.resultReport = resultReport;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
	}

	@GetMapping("/kooperationen/{municipalityId}")
	String collaboration(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (user.isEmpty() || municipality.isEmpty()) {
			return refused(response, model, user);
		}
		Optional<AgreementVersion> current = agreements.current(municipalityId);
		model.addAttribute("municipality", municipality.get());
		CollaborationFacts.Summary summary = facts.summary(municipality.get());
		model.addAttribute("summary", summary);
		model.addAttribute("transferManagerName",
				summary.transferManager() == null ? null : staffNames.nameOf(summary.transferManager()));
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("draft", agreements.draft(municipalityId).orElse(null));
		List<AgreementVersion> newestFirst = new ArrayList<>(agreements.signedVersions(municipalityId));
		Collections.reverse(newestFirst);
		model.addAttribute("versions", newestFirst);
		model.addAttribute("closures", agreements.closures(municipalityId));
		model.addAttribute("effectiveDue", effectiveDue(current.orElse(null), municipality.get().federalState()));
		model.addAttribute("today", CollaborationFacts.today());
		model.addAttribute("tasks", facts.openTasks(municipalityId));
		model.addAttribute("chart", chart.svg(assessments.of(municipalityId)));
		model.addAttribute("agency", PageAccess.isAgency(user.get()));
		model.addAttribute("drafting", draftingOpen(municipalityId));
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		model.addAttribute("running", CollaborationFacts.isRunning(summary));
		model.addAttribute("endable", CollaborationLifecyclePageController.endable(runtimeService, municipalityId));
		model.addAttribute("started", request.getParameter("gestartet") != null);
		model.addAttribute("ended", request.getParameter("beendet") != null);
		model.addAttribute("parts", milestoneParts.parts(municipalityId));
		model.addAttribute("milestoneLog", milestoneParts.log(municipalityId));
		model.addAttribute("myParty", partyOf(user.get()));
		model.addAttribute("partyKommune", MilestoneParts.Party.KOMMUNE);
		model.addAttribute("allParties", List.of(MilestoneParts.Party.values()));
		model.addAttribute("zone", CollaborationFacts.ZONE);
		model.addAttribute("milestoneTitles", current.map(version -> version.milestones().stream()
			.collect(Collectors.toMap(Milestone::key,
					Milestone::title, (a, b) -> a)))
			.orElse(Map.of()));
		model.addAttribute("milestoneMessage", request.getParameter("meilenstein"));
		return "kooperation";
	}

	/** Each party closes only its own part of a milestone: the agency the agency's, a Kommune user the Kommune's. */
	static MilestoneParts.Party partyOf(WebappLogin.User user) {
		return PageAccess.isAgency(user) ? MilestoneParts.Party.TRANSFERAGENTUR : MilestoneParts.Party.KOMMUNE;
	}

	/** Asks before closing: what will be closed, in whose name, and that only the agency can reopen it. */
	@GetMapping("/kooperationen/{municipalityId}/meilensteine/{key}/abschliessen")
	String confirmCloseMilestone(@PathVariable String municipalityId, @PathVariable String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (user.isEmpty() || municipality.isEmpty()) {
			return refused(response, model, user);
		}
		Optional<Agreements.DueMilestone> milestone = agreements.openMilestone(municipalityId, key);
		if (milestone.isEmpty()) {
			return forbidden(response, model, "Dieser Meilenstein ist nicht offen.");
		}
		MilestoneParts.Party party = partyOf(user.get());
		model.addAttribute("municipality", municipality.get());
		model.addAttribute("milestone", milestone.get().milestone());
		model.addAttribute("party", party);
		model.addAttribute("part", party == MilestoneParts.Party.KOMMUNE ? milestone.get().milestone().municipalityPart()
				: milestone.get().milestone().agencyPart());
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "meilenstein-abschliessen";
	}

	@PostMapping("/kooperationen/{municipalityId}/meilensteine/{key}/abschliessen")
	String closeMilestone(@PathVariable String municipalityId, @PathVariable String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.validCsrf(request)) {
			return expiredForm(response, model);
		}
		MilestoneParts.Outcome outcome = milestoneParts.closePart(municipalityId, key, partyOf(user.get()), user.get().id());
		if (outcome == MilestoneParts.Outcome.REFUSED) {
			return WebappLogin.refused(response, model, HttpStatus.BAD_REQUEST,
					"Nicht abgeschlossen: Dieser Meilenstein ist nicht offen, hat keinen Teil für " + partyOf(user.get()).label()
							+ " oder dieser Teil ist schon abgeschlossen.");
		}
		return "redirect:/kooperationen/" + municipalityId + "?meilenstein="
				+ (outcome == MilestoneParts.Outcome.MILESTONE_CLOSED ? "abgeschlossen" : "teil-abgeschlossen");
	}

	/** Only the agency opens a closed milestone again (an undo for a click too many). */
	@PostMapping("/kooperationen/{municipalityId}/meilensteine/{key}/wieder-oeffnen")
	String reopenMilestone(@PathVariable String municipalityId, @PathVariable String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.isAgency(user.get())) {
			return forbidden(response, model, "Einen Meilenstein wieder öffnen kann nur die Transferagentur.");
		}
		if (!PageAccess.validCsrf(request)) {
			return expiredForm(response, model);
		}
		milestoneParts.reopen(municipalityId, key, user.get().id());
		return "redirect:/kooperationen/" + municipalityId + "?meilenstein=wieder-geoeffnet";
	}

	/** A signed version, and what changed against another one (default: the one before). */
	@GetMapping("/kooperationen/{municipalityId}/zielvereinbarung/fassungen/{number}")
	String version(@PathVariable String municipalityId, @PathVariable int number,
			@RequestParam(name = "vergleich", required = false) Integer compareWith, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		Optional<AgreementVersion> version = agreements.version(municipalityId, number);
		if (user.isEmpty() || municipality.isEmpty() || version.isEmpty()) {
			return refused(response, model, user);
		}
		int before = compareWith == null ? number - 1 : compareWith;
		Optional<AgreementVersion> other = agreements.version(municipalityId, before);
		model.addAttribute("municipality", municipality.get());
		model.addAttribute("version", version.get());
		model.addAttribute("other", other.orElse(null));
		model.addAttribute("diff", other.map(earlier -> before < number ? agreements.diff(earlier, version.get())
				: agreements.diff(version.get(), earlier)).orElse(null));
		model.addAttribute("versions", agreements.signedVersions(municipalityId));
		return "fassung";
	}

	/** The agreement as PDF for signing: a signed version, else the draft. */
	@GetMapping("/kooperationen/{municipalityId}/zielvereinbarung.pdf")
	ResponseEntity<byte[]> printable(@PathVariable String municipalityId,
			@RequestParam(name = "fassung", required = false) Integer number, HttpServletRequest request,
			HttpServletResponse response) {
		Model model = new ExtendedModelMap();
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		if (user.isEmpty()) {
			return ResponseEntity.status(response.getStatus()).build();
		}
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		Optional<AgreementVersion> version = number != null ? agreements.version(municipalityId, number)
				: agreements.draft(municipalityId).or(() -> agreements.current(municipalityId));
		if (municipality.isEmpty() || version.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		byte[] document = pdf.render(municipality.get(), version.get());
		String name = "Zielvereinbarung-" + municipalityId + "-" + (version.get().signed() ? "Fassung-" + version.get().number() : "Entwurf")
				+ ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
			.body(document);
	}

	/** The result report of the baseline analysis, with the assessments and their chart, as PDF. */
	@GetMapping("/kooperationen/{municipalityId}/ergebnisbericht.pdf")
	ResponseEntity<byte[]> resultReport(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response) {
		Model model = new ExtendedModelMap();
		if (access.municipality(request, response, model, municipalityId).isEmpty()) {
			return ResponseEntity.status(response.getStatus()).build();
		}
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (municipality.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"Ergebnisbericht-" + municipalityId + ".pdf\"")
			.body(resultReport.pdf(municipality.get()));
	}

	/** The maturity profile over time, as SVG (also in the result report). */
	@GetMapping(value = "/kooperationen/{municipalityId}/reifegrad.svg")
	ResponseEntity<String> maturityChart(@PathVariable String municipalityId, HttpServletRequest request,
			HttpServletResponse response) {
		Model model = new ExtendedModelMap();
		if (access.municipality(request, response, model, municipalityId).isEmpty()) {
			return ResponseEntity.status(response.getStatus()).build();
		}
		if (municipalities.findById(municipalityId).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(chart.svg(assessments.of(municipalityId)));
	}

	boolean draftingOpen(String municipalityId) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(municipalityId)
			.taskDefinitionKeyIn(DRAFTING_TASKS.toArray(String[]::new))
			.count() > 0;
	}

	static String refused(HttpServletResponse response, Model model, Optional<WebappLogin.User> user) {
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		return WebappLogin.refused(response, model, HttpStatus.NOT_FOUND, "Diese Kommune oder Fassung gibt es nicht.");
	}

	/** A form sent without this session's token (an old page, or from elsewhere): refused, nothing saved. */
	static String expiredForm(HttpServletResponse response, Model model) {
		return forbidden(response, model, "Das Formular ist abgelaufen. Bitte die Seite neu laden.");
	}

	static String forbidden(HttpServletResponse response, Model model, String reason) {
		return WebappLogin.refused(response, model, HttpStatus.FORBIDDEN, reason);
	}

}
