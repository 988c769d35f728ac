package de.kooperation.overview;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.kooperation.collaboration.CollaborationService.Party;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;
import de.kooperation.system.WebappLogin;

/**
 * Starting a collaboration (the Kommune, end of funding and transfer manager picked from lists)
 * and ending one (by either party, with a reason and a confirmation), on pages instead of REST
 * calls. Both go through {@link CollaborationService}, so the same checks apply: the start
 * listener's, and who may end in whose name.
 */
@Controller
class CollaborationLifecyclePageController {

	static final String START_PATH = "/kooperationen/starten";

	static final String END_PATH = "/kooperationen/{municipalityId}/beenden";

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

	private static final int MAX_REASON = 4000;

	private final PageAccess access;

	private final MunicipalityRepository municipalities;

	private final CollaborationService collaborations;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	CollaborationLifecyclePageController(PageAccess access, MunicipalityRepository municipalities, CollaborationService collaborations,
			RuntimeService runtimeService, IdentityService identityService) {
		this.access = access;
		this.municipalities = municipalities;
		this.collaborations = collaborations;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
	}

	// ---------------------------------------------------------------- start

	@GetMapping(START_PATH)
	String startForm(@RequestParam(name = "kommune", required = false) String preselected, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (access.agency(request, response, model).isEmpty()) {
			return PageAccess.refusal(model);
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("municipalityId", preselected);
		return showStart(request, model, values, new LinkedHashMap<>());
	}

	@PostMapping(START_PATH)
	String start(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.agency(request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : List.of("municipalityId", "fundingEnd", "transferManager")) {
			String value = request.getParameter(field);
			values.put(field, value == null || value.isBlank() ? null : value.trim());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (!PageAccess.validCsrf(request)) {
			errors.put("form", "Das Formular ist abgelaufen. Bitte prüfen Sie die Angaben und starten Sie erneut.");
		}
		if (values.get("municipalityId") == null) {
			errors.put("municipalityId", "Bitte die Kommune auswählen.");
		}
		LocalDate fundingEnd = day(values.get("fundingEnd"));
		if (values.get("fundingEnd") == null) {
			errors.put("fundingEnd", "Bitte das Förderende angeben (TT.MM.JJJJ), z. B. 31.12.2028.");
		}
		else if (fundingEnd == null) {
			errors.put("fundingEnd", "Das Förderende ist kein gültiges Datum. Bitte als TT.MM.JJJJ angeben, z. B. 31.12.2028.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showStart(request, model, values, errors);
		}
		String municipalityId = values.get("municipalityId");
		ProcessInstance started = null;
		RuntimeException refused = null;
		// as the user, so the engine checks their permission and records who started
		identityService.setAuthentication(user.get().id(), user.get().groupIds());
		try {
			started = collaborations.start(municipalityId, fundingEnd.toString(), values.get("transferManager"));
		}
		catch (RuntimeException e) {
			refused = e;
		}
		finally {
			identityService.clearAuthentication();
		}
		if (refused != null) {
			Optional<String> german = germanRefusal(refused);
			if (german.isEmpty()) {
				throw refused;
			}
			String message = german.get();
			errors.put(field(message), message);
			response.setStatus(refused instanceof AuthorizationException ? HttpStatus.FORBIDDEN.value() : HttpStatus.BAD_REQUEST.value());
			return showStart(request, model, values, errors);
		}
		return "redirect:/kooperationen/" + started.getBusinessKey() + "?gestartet=ja";
	}

	private String showStart(HttpServletRequest request, Model model, Map<String, String> values, Map<String, String> errors) {
		Set<String> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY).list().stream()
			.map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
		model.addAttribute("municipalities", municipalities.findAll().stream().filter(m -> !running.contains(m.id())).toList());
		model.addAttribute("transferManagers", identityService.createUserQuery().memberOfGroup(PartyGroups.AGENCY_TEAM)
			.orderByUserLastName().asc().list().stream().map(user -> new Person(user.getId(), StaffNames.name(user))).toList());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "kooperation-starten";
	}

	record Person(String id, String name) {
	}

	/** Which field a refusal of the start listener is about, so the message stands at that field. */
	private static String field(String message) {
		if (message.contains("Förderende")) {
			return "fundingEnd";
		}
		if (message.contains("Transfermanager")) {
			return "transferManager";
		}
		return "municipalityId";
	}

	/** Typed as TT.MM.JJJJ (the field asks for it); yyyy-MM-dd is taken too, as scripts and some browsers send it. */
	static LocalDate day(String value) {
		if (value == null) {
			return null;
		}
		try {
			return value.contains(".") ? LocalDate.parse(value, GERMAN_DATE) : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	// ---------------------------------------------------------------- end

	@GetMapping(END_PATH)
	String endForm(@PathVariable String municipalityId, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (user.isEmpty() || municipality.isEmpty()) {
			return CollaborationPageController.refused(response, model, user);
		}
		if (!running(municipalityId)) {
			return notRunning(response, model, municipality.get());
		}
		return showEnd(request, model, municipality.get(), user.get(), null, null, false);
	}

	@PostMapping(END_PATH)
	String end(@PathVariable String municipalityId, @RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "step", required = false) String step, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<WebappLogin.User> user = access.municipality(request, response, model, municipalityId);
		Optional<Municipality> municipality = municipalities.findById(municipalityId);
		if (user.isEmpty() || municipality.isEmpty()) {
			return CollaborationPageController.refused(response, model, user);
		}
		if (!running(municipalityId)) {
			return notRunning(response, model, municipality.get());
		}
		String text = reason == null ? "" : reason.trim();
		if (!PageAccess.validCsrf(request)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showEnd(request, model, municipality.get(), user.get(), text,
					"Das Formular ist abgelaufen. Bitte prüfen Sie den Grund und senden Sie erneut.", false);
		}
		if (text.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showEnd(request, model, municipality.get(), user.get(), text, "Bitte einen Grund für das Beenden angeben.", false);
		}
		if (text.length() > MAX_REASON) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showEnd(request, model, municipality.get(), user.get(), text,
					"Der Grund ist zu lang: höchstens " + MAX_REASON + " Zeichen, jetzt " + text.length() + ".", false);
		}
		if (!"bestaetigt".equals(step)) {
			// "aendern" and the first submission both lead to the form or the confirmation
			return showEnd(request, model, municipality.get(), user.get(), text, null, !"aendern".equals(step));
		}
		Party party = PageAccess.isAgency(user.get()) ? Party.TRANSFERAGENTUR : Party.KOMMUNE;
		RuntimeException refused = null;
		identityService.setAuthentication(user.get().id(), user.get().groupIds());
		try {
			collaborations.terminate(municipalityId, party, text);
		}
		catch (RuntimeException e) {
			refused = e;
		}
		finally {
			identityService.clearAuthentication();
		}
		if (refused != null) {
			Optional<String> german = germanRefusal(refused);
			if (german.isEmpty()) {
				throw refused;
			}
			String message = german.get();
			response.setStatus(refused instanceof AuthorizationException ? HttpStatus.FORBIDDEN.value() : HttpStatus.BAD_REQUEST.value());
			return showEnd(request, model, municipality.get(), user.get(), text, message, false);
		}
		return "redirect:/kooperationen/" + municipalityId + "?beendet=ja";
	}

	private String showEnd(HttpServletRequest request, Model model, Municipality municipality, WebappLogin.User user, String reason,
			String error, boolean confirm) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("party", PageAccess.isAgency(user) ? Party.TRANSFERAGENTUR.label() : Party.KOMMUNE.label());
		model.addAttribute("reason", reason);
		model.addAttribute("error", error);
		model.addAttribute("confirm", confirm);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "kooperation-beenden";
	}

	/** Running and not yet ended by either party (after that, the Projektleitung records the end). */
	private boolean running(String municipalityId) {
		return endable(runtimeService, municipalityId);
	}

	static boolean endable(RuntimeService runtimeService, String municipalityId) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(municipalityId).list().stream()
			.anyMatch(instance -> CollaborationProcess.Typed.TERMINATED_BY.fromExecution(runtimeService, instance.getId()).orNull() == null);
	}

	private static String notRunning(HttpServletResponse response, Model model, Municipality municipality) {
		return WebappLogin.refused(response, model, HttpStatus.CONFLICT,
				"Für " + municipality.name() + " läuft keine Kooperation, die noch beendet werden könnte.");
	}

	/** The German sentence of a refusal by our checks, if the exception (or its cause) is one. */
	static Optional<String> germanRefusal(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthorizationException && (cause.getMessage() == null || !cause.getMessage().startsWith("Sie "))) {
				// the engine's own refusal is English and names ids
				return Optional.of("Dazu fehlt Ihnen die Berechtigung. Bitte wenden Sie sich an die Projektleitung.");
			}
			if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
				return Optional.ofNullable(cause.getMessage());
			}
		}
		return Optional.empty();
	}

}
