package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.kooperation.DemoAppTest;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;

/** Ending a collaboration over {@code POST /api/collaborations/{id}/termination}, once and again. */
@DemoAppTest
class TerminationOverRestTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MunicipalityRepository municipalities;

	@Autowired
	CollaborationService collaborations;

	@BeforeEach
	void restServesThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void aSecondTerminationIsRefusedInGerman_whileTheFirstIsRecordedAndAfterTheEnd_andNothingStartsTwice() {
		String id = "kuendigung-" + UUID.randomUUID().toString().substring(0, 8);
		municipalities.save(new Municipality(id, "Teststadt " + id, "TH"));
		ProcessInstance collaboration = collaborations.start(id, LocalDate.now().plusYears(2).toString(), null);
		TestRestTemplate lena = rest.withBasicAuth("lena.vogt", "demo");

		ResponseEntity<String> first = terminate(lena, id, "Förderung ausgelaufen");
		assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

		// while the Projektleitung records the end
		ResponseEntity<String> second = terminate(lena, id, "Noch einmal");
		assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(second.getBody()).contains("\"message\"", "bereits gekündigt");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(RECORD_TERMINATION).count()).as("one task to record the end").isEqualTo(1);
		assertThat(engine.getRuntimeService().getVariable(collaboration.getId(), "terminationReason")).isEqualTo("Förderung ausgelaufen");

		String record = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(RECORD_TERMINATION).singleResult().getId();
		engine.getTaskService().complete(record, Map.of("terminationRecordedDate", LocalDate.now().toString(), "funderInformed", true));
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(collaboration.getId()).count()).isZero();

		// after the end
		ResponseEntity<String> third = terminate(lena, id, "Und noch einmal");
		assertThat(third.getStatusCode()).as(third.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(third.getBody()).contains("\"message\"", "läuft keine Kooperation");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
	}

	@Test
	void twoTerminationsAtTheSameMoment_oneIsTakenAndTheOtherRefusedInGerman_andOneEndIsRecorded() throws Exception {
		String id = "kuendigung-" + UUID.randomUUID().toString().substring(0, 8);
		municipalities.save(new Municipality(id, "Teststadt " + id, "RP"));
		ProcessInstance collaboration = collaborations.start(id, LocalDate.now().plusYears(2).toString(), null);
		TestRestTemplate lena = rest.withBasicAuth("lena.vogt", "demo");
		TestRestTemplate claudia = rest.withBasicAuth("claudia.hartmann", "demo");

		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = both.submit(() -> {
				go.await();
				return terminate(lena, id, "Erste Kündigung");
			});
			var second = both.submit(() -> {
				go.await();
				return terminate(claudia, id, "Zweite Kündigung");
			});
			go.countDown();
			List<ResponseEntity<String>> answers = List.of(first.get(), second.get());
			assertThat(answers).extracting(ResponseEntity::getStatusCode)
				.as("%s", answers)
				.containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.BAD_REQUEST);
			assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.BAD_REQUEST)
				.allSatisfy(answer -> assertThat(answer.getBody()).contains("\"message\"", "bereits gekündigt"));
		}
		finally {
			both.shutdownNow();
		}
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(RECORD_TERMINATION).count()).as("one task to record the end").isEqualTo(1);
	}

	private static ResponseEntity<String> terminate(TestRestTemplate client, String id, String reason) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.postForEntity("/api/collaborations/" + id + "/termination",
				new HttpEntity<>(Map.of("party", "TRANSFERAGENTUR", "reason", reason), headers), String.class);
	}

}
