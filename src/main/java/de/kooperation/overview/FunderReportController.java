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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import de.kooperation.shared.PartyGroups;

/**
 * The report for the funder's agency (Berichtspflicht), for the agency's staff and the administrator:
 * <ul>
 * <li>{@code GET /api/collaborations/{municipalityId}/report}: one Kommune's collaboration in detail
 * ({@link FunderReport}, HTTP Basic);</li>
 * <li>all Kommunen as CSV and JSON ({@link FunderExport}): under /kooperationen/bericht.* for the
 * logged-in agency (webapp login), under /api/reports/funder.* for scripts (HTTP Basic).</li>
 * </ul>
 */
@RestController
class FunderReportController {

	private final FunderReport reports;

	private final FunderExport export;

	private final PageAccess access;

	private final IdentityService identityService;

	FunderReportController(FunderReport reports, FunderExport export, PageAccess access, IdentityService identityService) {
		this.reports = reports;
		this.export = export;
		this.access = access;
		this.identityService = identityService;
	}

	@GetMapping("/api/collaborations/{municipalityId}/report")
	ResponseEntity<Map<String, Object>> report(@PathVariable String municipalityId) {
		Authentication caller = identityService.getCurrentAuthentication();
		if (!agencyOverBasic()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "Den Bericht für den Projektträger erstellt die Transferagentur."));
		}
		// the membership check above is the authorization; the report reads history, which the team may not
		identityService.clearAuthentication();
		try {
			return reports.of(municipalityId)
				.map(ResponseEntity::ok)
				.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
					.body(Map.of("message", "Für '" + municipalityId + "' gibt es keine Kooperation.")));
		}
		finally {
			identityService.setAuthentication(caller);
		}
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
		return PageAccess.refusedAsText(response, "Der Bericht für den Projektträger ist der Transferagentur vorbehalten.");
	}

	private static ResponseEntity<Map<String, String>> forbidden() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "Der Bericht ist der Transferagentur vorbehalten."));
	}

}
