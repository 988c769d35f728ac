package de.kooperation.overview;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import de.kooperation.shared.PartyGroups;
import de.kooperation.system.WebappLogin;

/**
 * The funder report as CSV and JSON: under /kooperationen/bericht.* for the logged-in agency
 * (webapp login), under /api/reports/funder.* for scripts (HTTP Basic, agency groups).
 */
@RestController
class FunderExportController {

	private final FunderExport export;

	private final PageAccess access;

	private final IdentityService identityService;

	FunderExportController(FunderExport export, PageAccess access, IdentityService identityService) {
		this.export = export;
		this.access = access;
		this.identityService = identityService;
	}

	@GetMapping("/kooperationen/bericht.json")
	ResponseEntity<?> json(HttpServletRequest request, HttpServletResponse response) {
		return loggedIn(request, response) ? ResponseEntity.ok(export.rows()) : refused(response);
	}

	@GetMapping("/kooperationen/bericht.csv")
	ResponseEntity<?> csv(HttpServletRequest request, HttpServletResponse response) {
		return loggedIn(request, response) ? csvResponse() : refusedAsText(response);
	}

	@GetMapping("/api/reports/funder.json")
	ResponseEntity<?> apiJson() {
		return agencyOverBasic() ? ResponseEntity.ok(export.rows()) : forbidden();
	}

	@GetMapping("/api/reports/funder.csv")
	ResponseEntity<?> apiCsv() {
		return agencyOverBasic() ? csvResponse() : forbidden();
	}

	private ResponseEntity<byte[]> csvResponse() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kooperationen-bericht.csv\"")
			.body(export.csv().getBytes(StandardCharsets.UTF_8));
	}

	private boolean loggedIn(HttpServletRequest request, HttpServletResponse response) {
		return access.agency(request, response, new ExtendedModelMap()).isPresent();
	}

	private boolean agencyOverBasic() {
		Authentication caller = identityService.getCurrentAuthentication();
		List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
		return PartyGroups.seeEveryMunicipality(groups);
	}

	private static ResponseEntity<Map<String, String>> refused(HttpServletResponse response) {
		return ResponseEntity.status(response.getStatus())
			.body(Map.of("message", response.getStatus() == HttpStatus.UNAUTHORIZED.value() ? "Bitte zuerst anmelden."
					: "Der Bericht ist der Transferagentur vorbehalten."));
	}

	/** A link on a page leads here: whoever is refused reads a German sentence, not JSON. */
	private static ResponseEntity<byte[]> refusedAsText(HttpServletResponse response) {
		String message = response.getStatus() == HttpStatus.UNAUTHORIZED.value()
				? "Bitte melden Sie sich zuerst an: " + WebappLogin.LOGIN_PAGE
				: "Der Bericht für den Projektträger ist der Transferagentur vorbehalten.";
		return ResponseEntity.status(response.getStatus())
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

	private static ResponseEntity<Map<String, String>> forbidden() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "Der Bericht ist der Transferagentur vorbehalten."));
	}

}
