package de.kooperation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import de.kooperation.DemoAppTest;
import de.kooperation.WebappSessions;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.plan.Activity;
import de.kooperation.plan.PlanImportTests;
import de.kooperation.plan.PlanStatus;
import de.kooperation.plan.Plans;
import de.kooperation.plan.PlanChange;
import de.kooperation.plan.FieldOfAction;
import de.kooperation.plan.Plan;
import de.kooperation.plan.PlanImport;

/** The fourth demo Kommune carries seed 001's timeline as written, and its contact opens it in the running app. */
@DemoAppTest
class DemoTimelineTests {

	@Autowired
	Plans plans;

	@Autowired
	SeedTimeline seedTimeline;

	@Autowired
	MunicipalityRepository municipalities;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@BeforeEach
	void webappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void theSaxonDemoCityCarriesTheSeedsTimelineAsWritten() throws Exception {
		assertThat(municipalities.findById("chemnitz")).hasValueSatisfying(kommune -> {
			assertThat(kommune.name()).isEqualTo("Stadt Chemnitz");
			assertThat(kommune.federalState()).isEqualTo("SN");
		});
		Plan plan = plans.of("chemnitz");
		PlanImport.Result seed = PlanImportTests.seedPlan();

		assertThat(plan.years()).containsExactly(2019, 2020, 2021);
		assertThat(plan.fields()).extracting(FieldOfAction::title)
			.containsExactlyElementsOf(seed.fields().stream().map(PlanImport.ImportedField::title).toList());
		assertThat(plan.activities()).extracting(Activity::title)
			.containsExactlyElementsOf(seed.fields().stream().flatMap(f -> f.activities().stream()).map(PlanImport.ImportedActivity::title).toList());
		List<String> written = seed.fields().stream().flatMap(f -> f.activities().stream()).flatMap(a -> a.periods().stream())
			.map(p -> p.year() + ": " + p.text()).toList();
		assertThat(plan.activities().stream().flatMap(a -> a.periods().stream()).map(p -> p.year() + ": " + p.text()).toList())
			.containsExactlyElementsOf(written).hasSize(14);
		assertThat(plan.activities()).filteredOn(a -> a.status() == PlanStatus.RUNNING).extracting(Activity::title)
			.anySatisfy(title -> assertThat(title).startsWith("Verstetigung des Monitorings"));
		// loading it again (every start) adds nothing
		int changes = plans.changes("chemnitz").size();
		assertThat(seedTimeline.load("chemnitz", "anja.wendler")).isFalse();
		assertThat(plans.changes("chemnitz")).hasSize(changes);
		assertThat(plans.changes("chemnitz")).extracting(PlanChange::by).containsOnly("anja.wendler");
	}

	@Test
	void theContactOpensThePlanAndThePdf_theAgencyReadsIt() {
		ResponseEntity<String> loggedIn = WebappSessions.login(rest, "tasklist", "anja.wendler", "demo");
		HttpEntity<Void> session = new HttpEntity<>(WebappSessions.sessionOf(loggedIn));

		ResponseEntity<String> page = rest.exchange("/kooperationen/chemnitz/zeitplan", HttpMethod.GET, session, String.class);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("Zeitplan Stadt Chemnitz").contains("Zielvereinbarung mit der Transferagentur TransMit")
			.contains("Maßnahme hinzufügen");
		assertThat(rest.exchange("/kooperationen/chemnitz/zeitplan.pdf", HttpMethod.GET, session, byte[].class).getStatusCode().value())
			.isEqualTo(200);
		assertThat(rest.exchange("/kooperationen/eisenach/zeitplan", HttpMethod.GET, session, String.class).getStatusCode().value())
			.isEqualTo(403);

		HttpEntity<Void> agency = new HttpEntity<>(WebappSessions.sessionOf(WebappSessions.login(rest, "tasklist", "jonas.berger", "demo")));
		ResponseEntity<String> read = rest.exchange("/kooperationen/chemnitz/zeitplan", HttpMethod.GET, agency, String.class);
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody()).contains("Verstetigung des Monitorings").doesNotContain("Maßnahme hinzufügen");
	}

}
