package de.kooperation.collaboration;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import de.kooperation.shared.PartyGroups;

/**
 * {@code GET /api/collaborations/{municipalityId}/report}: the report for the funder's agency
 * (see {@link FunderReport}), for the agency's staff and the administrator.
 */
@RestController
class FunderReportController {

	private final FunderReport reports;

	private final IdentityService identityService;

	FunderReportController(FunderReport reports, IdentityService identityService) {
		this.reports = reports;
		this.identityService = identityService;
	}

	@GetMapping("/api/collaborations/{municipalityId}/report")
	ResponseEntity<Map<String, Object>> report(@PathVariable String municipalityId) {
		Authentication caller = identityService.getCurrentAuthentication();
		List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
		if (!PartyGroups.seeEveryMunicipality(groups)) {
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

}
