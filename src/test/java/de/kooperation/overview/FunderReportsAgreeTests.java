package de.kooperation.overview;

import static de.kooperation.shared.CollaborationProcess.Elements.CONCRETISE_GOALS;
import static de.kooperation.shared.CollaborationProcess.Elements.EXPLORATORY_MEETING;
import static de.kooperation.shared.CollaborationProcess.Elements.FINAL_REPORT;
import static de.kooperation.shared.CollaborationProcess.Elements.HOLD_DISCOURSE;
import static de.kooperation.shared.CollaborationProcess.Elements.INTRODUCTORY_TALKS;
import static de.kooperation.shared.CollaborationProcess.Elements.RECORD_TERMINATION;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.collaboration.CollaborationService.Party;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * The funder reads one Kommune's report ({@link FunderReport}) and the list of all Kommunen
 * ({@link FunderExport}): at every stage of a collaboration both name the same phase, in the same
 * words, tell alike whether it runs, and name the same version of the Zielvereinbarung.
 */
@ProcessTest
class FunderReportsAgreeTests {

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	FunderReport report;

	@Autowired
	FunderExport export;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());

	final Map<String, Object> decisions = new HashMap<>(Map.of("continueCollaboration", true, "transferPlanWanted", true,
			"recommendationsAcknowledged", true));

	final SoftAssertions softly = new SoftAssertions();

	@Test
	void bothReportsNameTheSamePhaseStatusAndVersionAtEveryStage() {
		String kommune = scenario.newMunicipality("NI").id();
		stage("not started", kommune, CollaborationFacts.NOT_STARTED);

		ProcessInstance collaboration = collaborations.start(kommune, "2027-06-30", null);
		scenario.advance(collaboration, INTRODUCTORY_TALKS, decisions);
		stage("introductory talks", kommune, "Einleitende Gespräche");
		scenario.advance(collaboration, AgreementProcess.Elements.REVIEW, decisions);
		stage("agreement", kommune, "Zielvereinbarung");
		scenario.advance(collaboration, EXPLORATORY_MEETING, decisions);
		stage("Sondierung", kommune, "Sondierung");
		scenario.advance(collaboration, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW, decisions);
		stage("analysis", kommune, "Bedarfsanalyse");
		scenario.advance(collaboration, HOLD_DISCOURSE, decisions);
		stage("discourse", kommune, "Diskurs");
		scenario.advance(collaboration, CONCRETISE_GOALS, decisions);
		stage("concretisation", kommune, "Konkretisierung");
		scenario.advance(collaboration, RevisionProcess.Elements.REVIEW, decisions);
		stage("revision after the concretisation", kommune, "Fortschreibung");
		scenario.advance(collaboration, ImplementationProcess.Elements.PLAN_REVIEW_MEETING, decisions);
		stage("implementation, the revised agreement signed", kommune, "Umsetzung");
		decisions.put("implementationGoalsChanged", true);
		scenario.advance(collaboration, RevisionProcess.Elements.REVIEW, decisions);
		stage("revision running in the implementation", kommune, "Umsetzung");
		decisions.put("implementationGoalsChanged", false);
		scenario.advance(collaboration, FINAL_REPORT, decisions);
		stage("final report", kommune, "Abschluss");
		scenario.advance(collaboration, null, decisions);
		stage("ended regularly", kommune, CollaborationFacts.ENDED);

		ProcessInstance terminated = scenario.startCollaboration("TH");
		scenario.advance(terminated, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW, decisions);
		collaborations.terminate(terminated.getBusinessKey(), Party.KOMMUNE, "Die Kommune steigt aus.");
		stage("termination being recorded", terminated.getBusinessKey(), "Beendigung");
		scenario.complete(terminated, RECORD_TERMINATION, Map.of("terminationRecordedDate", "2027-06-30", "funderInformed", true));
		stage("terminated", terminated.getBusinessKey(), CollaborationFacts.ENDED);

		ProcessInstance declined = scenario.startCollaboration("RP");
		scenario.advance(declined, null, new HashMap<>(Map.of("continueCollaboration", false)));
		stage("no collaboration agreed", declined.getBusinessKey(), CollaborationFacts.ENDED);

		softly.assertAll();
	}

	/** Both reports of the Kommune now, compared (failures collected, so one run shows every stage). */
	@SuppressWarnings("unchecked")
	private void stage(String stage, String kommune, String expectedPhase) {
		FunderExport.Row row = export.rows().stream().filter(candidate -> candidate.municipalityId().equals(kommune)).findFirst()
			.orElseThrow();
		Optional<Map<String, Object>> single = report.of(kommune);
		softly.assertThat(row.phase()).as("%s: the export's phase", stage).isEqualTo(expectedPhase);
		if (CollaborationFacts.NOT_STARTED.equals(row.phase())) {
			softly.assertThat(single).as("%s: no report without a collaboration", stage).isEmpty();
			return;
		}
		if (single.isEmpty()) {
			softly.fail("%s: the export names phase '%s', the Kommune's report is missing", stage, row.phase());
			return;
		}
		Map<String, Object> one = single.get();
		softly.assertThat(one.get("phase")).as("%s: the Kommune's report names the export's phase", stage).isEqualTo(row.phase());
		softly.assertThat("läuft".equals(one.get("status")))
			.as("%s: status '%s' runs exactly when the export's phase '%s' is one of a running collaboration", stage,
					one.get("status"), row.phase())
			.isEqualTo(!CollaborationFacts.ENDED.equals(row.phase()));
		for (Map<String, Object> passed : (List<Map<String, Object>>) one.get("abgeschlossenePhasen")) {
			softly.assertThat(passed.get("phase")).as("%s: a phase passed is named as the export names phases", stage)
				.isIn(CollaborationFacts.PHASE_ORDER);
		}
		Integer exported = row.revisions().isEmpty() ? row.signedOn() == null ? null : Integer.valueOf(1)
				: Integer.valueOf(row.revisions().get(row.revisions().size() - 1).version());
		softly.assertThat(one.get("fassungZielvereinbarung")).as("%s: the version in force, as the export lists the signings", stage)
			.isEqualTo(exported);
	}

}
