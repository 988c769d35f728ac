package de.kooperation.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.kooperation.municipality.Municipality;
import de.kooperation.shared.PartyGroups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registering a Kommune without demo data (e.g. in production): the Projektleitung or an
 * administrator calls {@code PUT /api/municipalities/{id}}; users are then added to the two new
 * groups in Camunda Admin.
 */
@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

	private final MunicipalityRegistration registration;

	private final IdentityService identityService;

	MunicipalityController(MunicipalityRegistration registration, IdentityService identityService) {
		this.registration = registration;
		this.identityService = identityService;
	}

	record RegistrationRequest(
			@NotBlank(message = "Bitte den Namen der Kommune angeben.")
			@Size(max = 255, message = "Der Name der Kommune ist zu lang (höchstens 255 Zeichen).")
			@Pattern(regexp = "^(?=.*\\p{L})[\\p{L}\\p{N} .,'()/-]*$", message = "Der Name der Kommune enthält unzulässige Zeichen (erlaubt: Buchstaben, Ziffern, Leerzeichen und . , ' ( ) / -).") String name,
			@NotBlank(message = "Bitte das Bundesland angeben (z. B. TH, NI, RP).")
			@Pattern(regexp = "^(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)$", message = "Das Bundesland ist eines der 16 Kürzel (z. B. TH, NI, RP).") String federalState) {
	}

	@PutMapping("/{id}")
	ResponseEntity<Map<String, Object>> register(@PathVariable String id, @Valid @RequestBody RegistrationRequest request) {
		Authentication caller = identityService.getCurrentAuthentication();
		List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
		if (!groups.contains(PartyGroups.AGENCY_LEADERSHIP) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "Nur die Projektleitung oder die Administration darf Kommunen anlegen."));
		}
		if (!id.matches("^[a-z0-9-]{1,64}$")) {
			return ResponseEntity.badRequest()
				.body(Map.of("message", "Die Kennung der Kommune besteht aus Kleinbuchstaben, Ziffern und Bindestrichen (z. B. eisenach)."));
		}
		// the membership check above is the authorization; groups and grants are created by the application
		identityService.clearAuthentication();
		try {
			registration.register(new Municipality(id, request.name().trim(), request.federalState()));
		}
		finally {
			identityService.setAuthentication(caller);
		}
		return ResponseEntity.ok(Map.of("id", id, "name", request.name().trim(), "federalState", request.federalState(),
				"groups", List.of(PartyGroups.municipalityContacts(id), PartyGroups.municipalityLeadership(id))));
	}

}
