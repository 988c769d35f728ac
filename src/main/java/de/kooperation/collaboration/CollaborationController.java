package de.kooperation.collaboration;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.kooperation.collaboration.CollaborationService.Party;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Our own API for what the engine's REST API cannot check: starting and ending a collaboration. */
@RestController
@RequestMapping("/api/collaborations")
class CollaborationController {

	private final CollaborationService collaborations;

	CollaborationController(CollaborationService collaborations) {
		this.collaborations = collaborations;
	}

	record StartRequest(@NotBlank(message = "Bitte die Kommune angeben.")
			@Size(max = 64, message = "Die Kennung der Kommune ist zu lang (höchstens 64 Zeichen).") String municipalityId,
			@NotNull(message = "Bitte das Förderende angeben.") LocalDate fundingEnd,
			@Size(max = 64, message = "Die Kennung der Transfermanagerin / des Transfermanagers ist zu lang (höchstens 64 Zeichen).") String transferManager) {
	}

	record TerminationRequest(@NotNull(message = "Bitte die kündigende Partei angeben (TRANSFERAGENTUR oder KOMMUNE).") Party party,
			@NotBlank(message = "Bitte einen Grund angeben.")
			@Size(max = 4000, message = "Der Grund ist zu lang (höchstens 4000 Zeichen).") String reason) {
	}

	@PostMapping
	ResponseEntity<Map<String, String>> start(@Valid @RequestBody StartRequest request) {
		ProcessInstance instance = collaborations.start(request.municipalityId(), request.fundingEnd().toString(),
				request.transferManager());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("processInstanceId", instance.getId(), "municipalityId", instance.getBusinessKey()));
	}

	@PostMapping("/{municipalityId}/termination")
	ResponseEntity<Void> terminate(@PathVariable String municipalityId, @Valid @RequestBody TerminationRequest request) {
		collaborations.terminate(municipalityId, request.party(), request.reason());
		return ResponseEntity.noContent().build();
	}

}
