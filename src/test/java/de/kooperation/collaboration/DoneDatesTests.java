package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.form.FormRules;

/** A date of something done (held, signed, sent, recorded) is never in the future, in every form. */
@ProcessTest
class DoneDatesTests {

	static final String REFUSAL = "darf nicht in der Zukunft liegen";

	/** Every date field of forms/ that says when something was done: form id → field key. */
	static final List<List<String>> DONE_DATES = List.of(
			List.of("introductory-talks", "introductoryTalksDate"),
			List.of("agreement-sign-agency", "agreementAgencySignedDate"),
			List.of("agreement-sign-municipality", "agreementMunicipalitySignedDate"),
			List.of("signing-publicity", "agreementPublicityDate"),
			List.of("analysis-conduct-interview", "interviewDate"),
			List.of("analysis-result-report", "resultReportDate"),
			List.of("hold-discourse", "discourseDate"),
			List.of("revision-coordinate-agency", "revisionCoordinationDate"),
			List.of("revision-sign-agency", "revisionAgencySignedDate"),
			List.of("revision-sign-municipality", "revisionMunicipalitySignedDate"),
			List.of("final-report", "finalReportSentDate"),
			List.of("record-termination", "terminationRecordedDate"));

	@Autowired
	Scenario scenario;

	@Autowired
	FormRules rules;

	@Autowired
	CollaborationService collaborations;

	LocalDate today;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, java.time.ZoneId.of("Europe/Berlin")).toInstant());

	@BeforeEach
	void clock() {
		today = LocalDate.of(2026, 12, 1);
	}

	@Test
	void everyFormRefusesTomorrowAsTheDateOfSomethingDone_andTakesToday() {
		for (List<String> field : DONE_DATES) {
			assertThat(rules.violations(field.get(0), Map.of(field.get(1), today.plusDays(1).toString())))
				.as("%s: %s tomorrow", field.get(0), field.get(1)).anyMatch(message -> message.contains(REFUSAL));
			assertThat(rules.violations(field.get(0), Map.of(field.get(1), today.toString())))
				.as("%s: %s today", field.get(0), field.get(1)).noneMatch(message -> message.contains(REFUSAL));
		}
		// dates of what is planned stay free: a meeting, the end of funding, the agreed end of the analysis
		assertThat(rules.violations("schedule-exploratory-meeting", Map.of("exploratoryMeetingDate", today.plusDays(10).toString())))
			.noneMatch(message -> message.contains(REFUSAL));
		assertThat(rules.violations("implementation-plan-review-meeting", Map.of("reviewMeetingDate", today.plusDays(10).toString())))
			.noneMatch(message -> message.contains(REFUSAL));
	}

	@Test
	void introductoryTalksHeldTomorrowAreRefusedWithAGermanMessage_andNothingMoves() {
		ProcessInstance collaboration = scenario.startCollaboration("TH");
		String task = scenario.task(collaboration, INTRODUCTORY_TALKS).getId();
		Map<String, Object> answers = new HashMap<>(Map.of("introductoryTalksDate", today.plusDays(1).toString(),
				"initialNeeds", "Bildungsmonitoring aufbauen", "continueCollaboration", true));

		assertThatThrownBy(() -> scenario.tasks().complete(task, answers)).hasMessageContaining("„Datum des Gesprächs“ " + REFUSAL);
		assertThat(collaboration).isWaitingAt(INTRODUCTORY_TALKS);
	}

	@Test
	void aSondierungHeldTomorrowIsRefused_butOnePostponedToTomorrowIsTaken() {
		ProcessInstance collaboration = scenario.startCollaborationAt("NI", EXPLORATORY_MEETING,
				Map.of("exploratoryMeetingDate", today.toString()));
		String held = scenario.task(collaboration, EXPLORATORY_MEETING).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(held, Map.of("exploratoryMeetingPostponed", false,
				"exploratoryMeetingDate", today.plusDays(1).toString(), "exploratoryMeetingTime", "10:00", "analysisTopics", "Bildungsmonitoring",
				"baselineAnalysisDue", today.plusMonths(4).toString())))
			.hasMessageContaining(REFUSAL);
		assertThat(collaboration).isWaitingAt(EXPLORATORY_MEETING);

		scenario.complete(collaboration, EXPLORATORY_MEETING, Map.of("exploratoryMeetingPostponed", true,
				"exploratoryMeetingDate", today.plusDays(1).toString(), "exploratoryMeetingTime", "10:00"));
		assertThat(collaboration).isWaitingAt(EXPLORATORY_MEETING);
	}

	@Test
	void aTerminationRecordedTomorrowIsRefused() {
		ProcessInstance collaboration = scenario.startCollaboration("RP");
		collaborations.terminate(collaboration.getBusinessKey(), CollaborationService.Party.TRANSFERAGENTUR, "Förderung entfällt");
		String record = scenario.task(collaboration, RECORD_TERMINATION).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(record, Map.of("terminationRecordedDate", today.plusDays(1).toString(),
				"funderInformed", true)))
			.hasMessageContaining("„Beendigung dokumentiert am“ " + REFUSAL);
		assertThat(collaboration).isWaitingAt(RECORD_TERMINATION);
		scenario.complete(collaboration, RECORD_TERMINATION, Map.of("terminationRecordedDate", today.toString(), "funderInformed", true));
		assertThat(collaboration).isEnded();
	}

}
