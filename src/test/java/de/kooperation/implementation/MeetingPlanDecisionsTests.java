package de.kooperation.implementation;

import static de.kooperation.shared.ImplementationProcess.Elements.*;
import static de.kooperation.shared.ImplementationProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.plan.Activity;
import de.kooperation.plan.PlanChange;
import de.kooperation.plan.PlanImport;
import de.kooperation.plan.PlanStatus;
import de.kooperation.plan.Plans;
import de.kooperation.shared.ImplementationProcess;

/**
 * The meetings decide about the Kommune's own plan: what the recorder of a review or strategy
 * meeting types into "Beschlüsse zum Zeitplan" is applied to the plan, each change with who, when
 * and the meeting's day; a line that cannot be taken refuses the completion, names the line and
 * changes nothing.
 */
@ProcessTest
class MeetingPlanDecisionsTests {

	static final ZonedDateTime START = ImplementationProcessTests.START;

	static final String DECISIONS = "planDecisions";

	static final String RECORDER = "lena.vogt";

	@Autowired
	Scenario scenario;

	@Autowired
	Plans plans;

	ProcessInstance implementation;

	String kommune;

	@BeforeEach
	void aKommuneWithItsPlan() throws Exception {
		scenario.moveClockTo(START.toInstant());
		implementation = scenario.startStandalone(ImplementationProcess.KEY, "SN",
				Map.of(FUNDING_END, Date.from(START.plusYears(3).toInstant())));
		kommune = implementation.getBusinessKey();
		String csv = "Maßnahme;2026;2027\n1. Netzwerke;;\nLenkungsgruppe einrichten;ab März 2026 bis Projektende;\n"
				+ "Kick-off;April;\nBildungsberatung aufbauen;Mai bis Juni;\n";
		plans.importPlan(kommune, PlanImport.read(csv.getBytes(StandardCharsets.UTF_8), "plan.csv"), "anja.wendler", "plan.csv");
	}

	@AfterEach
	void resetClock() {
		scenario.resetClock();
	}

	@Test
	void theReviewMeetingsDecisionsAreAppliedToThePlan_withWhoWhenAndTheMeetingsDay() {
		LocalDate meeting = reviewPlanned();

		recordReview("1.2: erledigt\n\n1.3: verschoben\n1.3, 2026: –\n1.3, 2027: Februar bis April\n1.1: läuft");

		assertThat(activity("Kick-off").status()).isEqualTo(PlanStatus.DONE);
		Activity counselling = activity("Bildungsberatung");
		assertThat(counselling.status()).isEqualTo(PlanStatus.POSTPONED);
		assertThat(counselling.periodText(2026)).as("the column of 2026, emptied").isEmpty();
		assertThat(counselling.periodIn(2027).orElseThrow().rangeLabel()).isEqualTo("01.02.2027 – 30.04.2027");
		assertThat(activity("Lenkungsgruppe").status()).isEqualTo(PlanStatus.RUNNING);
		String decided = "(beschlossen in der Sitzung vom " + ReviewAssessmentTests.german(meeting) + ", Reviewgespräch)";
		List<PlanChange> history = plans.changes(kommune);
		assertThat(history).hasSize(4).first().satisfies(change -> assertThat(change.by()).isEqualTo(RECORDER));
		assertThat(history.subList(0, 3)).extracting(change -> change.activityTitle() + ": " + change.summary())
			.containsExactlyInAnyOrder("Kick-off: Status: geplant → erledigt " + decided,
					"Bildungsberatung aufbauen: Status: geplant → verschoben; Zeitraum 2026: „Mai bis Juni“ → –; "
							+ "Zeitraum 2027: – → „Februar bis April“ " + decided,
					"Lenkungsgruppe einrichten: Status: geplant → läuft " + decided);
		assertThat(history.get(0).atLabel()).as("when it was recorded").startsWith(ReviewAssessmentTests.german(meeting.plusDays(3)));

		// the next review meeting's form starts without the last one's decisions, and shows them as changes
		ZonedDateTime nextReview = scenario.management().createJobQuery().processInstanceId(implementation.getId())
			.activityId(TIMER_NEXT_REVIEW).singleResult().getDuedate().toInstant().atZone(START.getZone());
		moveTo(nextReview);
		scenario.complete(implementation, PLAN_REVIEW_MEETING, ImplementationProcessTests.planReview(nextReview.plusDays(7).toLocalDate()));
		String next = scenario.task(implementation, RECORD_REVIEW_MEETING).getId();
		assertThat(scenario.tasks().getVariable(next, DECISIONS)).isNull();
		assertThat((String) scenario.tasks().getVariable(next, "planChanges")).contains("Status: geplant → erledigt " + decided);
	}

	@Test
	void aLineThatCannotBeTakenRefusesTheCompletion_namesEveryLine_andChangesNothing() {
		reviewPlanned();
		int entries = plans.changes(kommune).size();

		assertThatThrownBy(() -> recordReview("1.1: läuft\n9.9: erledigt\n1.2: fertig\n1.3, 2031: Mai\nKick-off erledigt\n"
				+ "1.3, 2027: Dezember bis März\n1.1: erledigt"))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.rootCause()
			.hasMessageStartingWith("Die Aufgabe „Ergebnisse des Reviewgesprächs festhalten“ kann nicht abgeschlossen werden. "
					+ "Beschlüsse zum Zeitplan: ")
			.hasMessageContaining("Zeile 2 („9.9: erledigt“): Eine Maßnahme 9.9 gibt es im Zeitplan nicht.")
			.hasMessageContaining("Zeile 3 („1.2: fertig“): „fertig“ ist kein Status")
			.hasMessageContaining("Zeile 4 („1.3, 2031: Mai“): 2031 ist kein Jahr des Zeitplans (2026–2027).")
			.hasMessageContaining("Zeile 5 („Kick-off erledigt“): bitte erst die Nummer der Maßnahme")
			.hasMessageContaining("Zeile 6 („1.3, 2027: Dezember bis März“): Das Ende liegt vor dem Beginn.")
			.hasMessageContaining("Zeile 7 („1.1: erledigt“): Für den Status der Maßnahme 1.1 steht schon ein Beschluss in Zeile 1.")
			.hasMessageNotContaining("Zeile 1 (");

		assertThat(scenario.task(implementation, RECORD_REVIEW_MEETING)).as("the task stays open").isNotNull();
		assertThat(activity("Lenkungsgruppe").status()).as("not even the good line is taken").isEqualTo(PlanStatus.PLANNED);
		assertThat(plans.changes(kommune)).hasSize(entries);
	}

	@Test
	void theStrategyMeetingDecidesToo() {
		ZonedDateTime yearLater = START.plusMonths(12);
		moveTo(yearLater);
		LocalDate meeting = yearLater.plusDays(5).toLocalDate();
		scenario.complete(implementation, PLAN_STRATEGY_MEETING, Map.of(STRATEGY_MEETING_DATE, meeting.toString(), "strategyMeetingTime",
				"14:00", STRATEGY_MEETING_PARTICIPANTS, "Oberbürgermeister, Projektleitung"));
		scenario.moveClockTo(meeting.plusDays(1).atTime(9, 0).atZone(START.getZone()).toInstant());
		scenario.tasks().setAssignee(scenario.task(implementation, RECORD_STRATEGY_MEETING).getId(), "claudia.hartmann");

		scenario.complete(implementation, RECORD_STRATEGY_MEETING, Map.of(STRATEGY_MEETING_STATUS, "Läuft.", STRATEGY_MEETING_DEVELOPMENT,
				"Monitoring verstetigen.", DECISIONS, "1.1, 2027: bis Juni"));

		assertThat(activity("Lenkungsgruppe").periodText(2027)).isEqualTo("bis Juni");
		assertThat(plans.changes(kommune).get(0)).satisfies(change -> {
			assertThat(change.by()).isEqualTo("claudia.hartmann");
			assertThat(change.summary()).isEqualTo("Zeitraum 2027: – → „bis Juni“ (beschlossen in der Sitzung vom "
					+ ReviewAssessmentTests.german(meeting) + ", Strategiegespräch)");
		});
	}

	@Test
	void decisionsAboutAKommuneWithoutAPlanAreRefused_noDecisionIsNoChange() {
		ProcessInstance other = scenario.startStandalone(ImplementationProcess.KEY, "TH",
				Map.of(FUNDING_END, Date.from(START.plusYears(3).toInstant())));
		implementation = other;
		LocalDate meeting = reviewPlanned();

		assertThatThrownBy(() -> recordReview("1.1: erledigt")).hasRootCauseInstanceOf(FormFieldValidationException.class)
			.rootCause()
			.hasMessageContaining("Die Kommune führt ihren Zeitplan noch nicht in der Anwendung");
		recordReview("  \n");

		assertThat(scenario.engine().getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(other.getId())
			.taskDefinitionKey(RECORD_REVIEW_MEETING).finished().count()).as("recorded on %s without decisions", meeting).isOne();
		assertThat(plans.exists(other.getBusinessKey())).isFalse();
	}

	private LocalDate reviewPlanned() {
		moveTo(START.plusMonths(6));
		LocalDate meeting = START.plusMonths(6).plusDays(10).toLocalDate();
		scenario.complete(implementation, PLAN_REVIEW_MEETING, ImplementationProcessTests.planReview(meeting));
		scenario.moveClockTo(meeting.plusDays(3).atTime(11, 0).atZone(START.getZone()).toInstant());
		return meeting;
	}

	private void recordReview(String decisions) {
		Map<String, Object> results = new HashMap<>(ReviewAssessmentTests.results(Map.of(), null));
		results.put(DECISIONS, decisions);
		// the recorder took the task in Tasklist
		scenario.tasks().setAssignee(scenario.task(implementation, RECORD_REVIEW_MEETING).getId(), RECORDER);
		scenario.complete(implementation, RECORD_REVIEW_MEETING, results);
	}

	private Activity activity(String titleStart) {
		return plans.of(kommune).activities().stream().filter(activity -> activity.title().startsWith(titleStart)).findFirst()
			.orElseThrow();
	}

	private void moveTo(ZonedDateTime time) {
		scenario.moveClockTo(time.toInstant());
		scenario.executeDueJobs(implementation);
	}

}
