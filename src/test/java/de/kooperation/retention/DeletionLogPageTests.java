package de.kooperation.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.kooperation.DemoAppTest;
import de.kooperation.WebappSessions;

/** The deletion log is the admin's page, behind the webapp login, and shows what it stores escaped. */
@DemoAppTest
class DeletionLogPageTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void theAdminSeesDeletionsAndPlannedDeletionsAndNobodyElseDoes() {
		jdbc.sql("insert into koop_deletion_log (id, municipality_id, process_instance_id, ended_at, kind, item_count, deleted_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), "<script>alert(1)</script>", UUID.randomUUID().toString(),
					Timestamp.from(Instant.parse("2026-01-05T10:00:00Z")), PersonalData.Kind.INTERVIEW_VARIABLES.name(), 11,
					Timestamp.from(Instant.parse("2026-04-06T00:30:00Z")))
			.update();

		ResponseEntity<String> anonymous = rest.getForEntity("/loeschprotokoll", String.class);
		ResponseEntity<String> kommune = page("sabine.krause", "demo");
		ResponseEntity<String> projectLead = page("claudia.hartmann", "demo");
		ResponseEntity<String> admin = page("admin", "admin");

		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(kommune.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(projectLead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(admin.getBody()).contains("Löschprotokoll", "90</span> Tage", "Geplante Löschungen", "Durchgeführte Löschungen",
				"06.04.2026 02:30", "05.01.2026", PersonalData.Kind.INTERVIEW_VARIABLES.label(), "&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	private ResponseEntity<String> page(String user, String password) {
		String app = "admin".equals(user) ? "admin" : "tasklist";
		ResponseEntity<String> loggedIn = WebappSessions.login(rest, app, user, password);
		assertThat(loggedIn.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
		return rest.exchange("/loeschprotokoll", HttpMethod.GET, new HttpEntity<>(WebappSessions.sessionOf(loggedIn)), String.class);
	}

}
