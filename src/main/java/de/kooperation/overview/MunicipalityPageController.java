package de.kooperation.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import de.kooperation.identity.MunicipalityOnboarding;
import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Kommune registrieren": name, id and federal state of a new Kommune, its Ansprechpartner/in
 * and its Verwaltungsspitze; both get a welcome mail with a link to choose their password. For
 * the Projektleitung and the administrators. A refusal re-shows the form with what was typed.
 */
@Controller
class MunicipalityPageController {

	static final String PATH = "/kommunen/neu";

	/** The 16 Länder; the key decides the public holidays of due dates. */
	static final Map<String, String> FEDERAL_STATES = federalStates();

	/** Page addresses under /kooperationen/ that a Kommune id must not shadow. */
	private static final List<String> RESERVED_IDS = List.of("starten", "neu", "bericht");

	private static final Pattern ID = Pattern.compile("^[a-z0-9-]{1,64}$");

	private static final Pattern NAME = Pattern.compile("^(?=.*\\p{L})[\\p{L}\\p{N} .,'()/-]*$");

	private static final Pattern PERSON_NAME = Pattern.compile("^(?=.*\\p{L})[\\p{L} .'-]*$");

	private static final Pattern USER_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

	// deliberately simple: one @, a dot in the domain, no spaces; the welcome mail proves the rest
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	static final List<String> FIELDS = List.of("name", "id", "federalState", "contactFirstName", "contactLastName", "contactEmail",
			"contactUserId", "executiveFirstName", "executiveLastName", "executiveEmail", "executiveUserId");

	private final WebappLogin login;

	private final MunicipalityOnboarding onboarding;

	MunicipalityPageController(WebappLogin login, MunicipalityOnboarding onboarding) {
		this.login = login;
		this.onboarding = onboarding;
	}

	@GetMapping(PATH)
	String form(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> refusal = refusal(request, response, model);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		return show(request, model, new LinkedHashMap<>(), new LinkedHashMap<>());
	}

	@PostMapping(PATH)
	String register(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> refusal = refusal(request, response, model);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Map<String, String> values = new LinkedHashMap<>();
		FIELDS.forEach(field -> values.put(field, trimmed(request.getParameter(field))));
		if (!PageAccess.validCsrf(request)) {
			return refuse(request, response, model, values,
					Map.of("form", "Das Formular ist abgelaufen. Bitte prüfen Sie die Angaben und speichern Sie erneut."));
		}
		Map<String, String> errors = check(values);
		if (errors.isEmpty()) {
			errors.putAll(onboarding.conflicts(values.get("id"),
					Map.of("contactUserId", values.get("contactUserId"), "executiveUserId", values.get("executiveUserId"))));
		}
		if (!errors.isEmpty()) {
			return refuse(request, response, model, values, errors);
		}
		String id = values.get("id");
		Municipality municipality = new Municipality(id, values.get("name"), values.get("federalState"));
		try {
			onboarding.register(municipality, List.of(
					MunicipalityOnboarding.contact(id, values.get("contactUserId"), values.get("contactFirstName"),
							values.get("contactLastName"), values.get("contactEmail")),
					MunicipalityOnboarding.executive(id, values.get("executiveUserId"), values.get("executiveFirstName"),
							values.get("executiveLastName"), values.get("executiveEmail"))));
		}
		catch (MailException | IllegalStateException e) {
			return refuse(request, response, model, values, Map.of("form",
					"Die Willkommens-E-Mails konnten nicht versandt werden; deshalb wurde nichts gespeichert. Bitte versuchen Sie es später erneut."));
		}
		model.addAttribute("municipality", municipality);
		model.addAttribute("contactEmail", values.get("contactEmail"));
		model.addAttribute("executiveEmail", values.get("executiveEmail"));
		return "kommune-registriert";
	}

	private String refuse(HttpServletRequest request, HttpServletResponse response, Model model, Map<String, String> values,
			Map<String, String> errors) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return show(request, model, values, errors);
	}

	private String show(HttpServletRequest request, Model model, Map<String, String> values, Map<String, String> errors) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("federalStates", FEDERAL_STATES);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "kommune-neu";
	}

	/** Format of each field; German sentences keyed by field. */
	static Map<String, String> check(Map<String, String> values) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = values.get("name");
		if (name == null) {
			errors.put("name", "Bitte den Namen der Kommune angeben, z. B. Stadt Eisenach.");
		}
		else if (name.length() > 255) {
			errors.put("name", "Der Name der Kommune ist zu lang (höchstens 255 Zeichen).");
		}
		else if (!NAME.matcher(name).matches()) {
			errors.put("name", "Der Name der Kommune enthält unzulässige Zeichen (erlaubt: Buchstaben, Ziffern, Leerzeichen und . , ' ( ) / -).");
		}
		String id = values.get("id");
		if (id == null) {
			errors.put("id", "Bitte eine Kennung angeben, z. B. eisenach.");
		}
		else if (!ID.matcher(id).matches()) {
			errors.put("id", "Die Kennung besteht aus Kleinbuchstaben, Ziffern und Bindestrichen (höchstens 64 Zeichen), z. B. eisenach.");
		}
		else if (RESERVED_IDS.contains(id)) {
			errors.put("id", "Die Kennung „" + id + "“ ist für eine Seite der Anwendung reserviert. Bitte eine andere wählen.");
		}
		String state = values.get("federalState");
		if (state == null || !FEDERAL_STATES.containsKey(state)) {
			errors.put("federalState", "Bitte das Bundesland auswählen.");
		}
		person(values, errors, "contact", "der Ansprechpartnerin / des Ansprechpartners");
		person(values, errors, "executive", "der Verwaltungsspitze");
		String contactUser = values.get("contactUserId");
		if (contactUser != null && contactUser.equals(values.get("executiveUserId")) && !errors.containsKey("executiveUserId")) {
			errors.put("executiveUserId", "Ansprechpartner/in und Verwaltungsspitze brauchen verschiedene Benutzernamen.");
		}
		return errors;
	}

	private static void person(Map<String, String> values, Map<String, String> errors, String prefix, String whose) {
		for (String part : List.of("FirstName", "LastName")) {
			String value = values.get(prefix + part);
			String what = part.equals("FirstName") ? "den Vornamen " : "den Nachnamen ";
			if (value == null) {
				errors.put(prefix + part, "Bitte " + what + whose + " angeben.");
			}
			else if (value.length() > 100 || !PERSON_NAME.matcher(value).matches()) {
				errors.put(prefix + part, "Bitte " + what + whose + " mit Buchstaben angeben (höchstens 100 Zeichen; erlaubt auch Leerzeichen, . ' -).");
			}
		}
		String email = values.get(prefix + "Email");
		if (email == null) {
			errors.put(prefix + "Email", "Bitte die E-Mail-Adresse " + whose + " angeben.");
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			errors.put(prefix + "Email", "Bitte eine gültige E-Mail-Adresse " + whose + " angeben, z. B. name@stadt.de.");
		}
		String userId = values.get(prefix + "UserId");
		if (userId == null) {
			errors.put(prefix + "UserId", "Bitte einen Benutzernamen " + whose + " angeben, z. B. vorname.nachname.");
		}
		else if (!USER_ID.matcher(userId).matches()) {
			errors.put(prefix + "UserId", "Der Benutzername besteht aus Kleinbuchstaben, Ziffern, Punkt, Bindestrich oder Unterstrich (höchstens 64 Zeichen), z. B. vorname.nachname.");
		}
	}

	private Optional<String> refusal(HttpServletRequest request, HttpServletResponse response, Model model) {
		return login.page(request, response, model, user -> user.inAnyGroup(PartyGroups.AGENCY_LEADERSHIP, Groups.CAMUNDA_ADMIN),
				"Kommunen registrieren nur die Projektleitung der Transferagentur und die Administration.").isPresent()
						? Optional.empty() : Optional.of(WebappLogin.refusal(model));
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static Map<String, String> federalStates() {
		Map<String, String> states = new LinkedHashMap<>();
		states.put("BW", "Baden-Württemberg");
		states.put("BY", "Bayern");
		states.put("BE", "Berlin");
		states.put("BB", "Brandenburg");
		states.put("HB", "Bremen");
		states.put("HH", "Hamburg");
		states.put("HE", "Hessen");
		states.put("MV", "Mecklenburg-Vorpommern");
		states.put("NI", "Niedersachsen");
		states.put("NW", "Nordrhein-Westfalen");
		states.put("RP", "Rheinland-Pfalz");
		states.put("SL", "Saarland");
		states.put("SN", "Sachsen");
		states.put("ST", "Sachsen-Anhalt");
		states.put("SH", "Schleswig-Holstein");
		states.put("TH", "Thüringen");
		return states;
	}

}
