package de.kooperation.implementation;

import static de.kooperation.shared.ImplementationProcess.Elements.*;
import static de.kooperation.shared.ImplementationProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.plan.Activity;
import de.kooperation.plan.PlanImport;
import de.kooperation.plan.PlanStatus;
import de.kooperation.plan.Plans;
import de.kooperation.shared.ImplementationProcess;

/**
 * The review meeting talks about the Kommune's own plan: the form of "Ergebnisse des
 * Reviewgesprächs festhalten" shows what changed in the plan since the last review meeting and
 * what is late now.
 */
@ProcessTest
class ReviewMeetingPlanTests {

	static final ZonedDateTime START = ImplementationProcessTests.START;

	static final String SHOWN = "planChanges";

	@Autowired
	Scenario scenario;

	@Autowired
	Plans plans;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(START.toInstant());

	@Test
	void eachReviewMeetingShowsThePlansChangesSinceTheLastOne_andWhatIsLate() throws Exception {
		ProcessInstance implementation = scenario.startStandalone(ImplementationProcess.KEY, "SN",
				Map.of(FUNDING_END, Date.from(START.plusYears(3).toInstant())));
		String kommune = implementation.getBusinessKey();
		String csv = "Maßnahme;2026;2027\n1. Netzwerke;;\nLenkungsgruppe einrichten;ab März 2026 bis Projektende;\n"
				+ "Kick-off;April;\nBildungsberatung aufbauen;Mai bis Juni;\n";
		plans.importPlan(kommune, PlanImport.read(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "plan.csv"), "anja.wendler",
				"plan.csv");

		// first review: every change so far; the kick-off in April is late by September
		moveTo(implementation, START.plusMonths(6));
		plans.changeStatus(kommune, activity(kommune, "Lenkungsgruppe").id(), PlanStatus.RUNNING, "anja.wendler");
		LocalDate firstMeeting = START.plusMonths(6).plusDays(10).toLocalDate();
		scenario.complete(implementation, PLAN_REVIEW_MEETING, ImplementationProcessTests.planReview(firstMeeting));
		String first = (String) scenario.tasks().getVariable(scenario.task(implementation, RECORD_REVIEW_MEETING).getId(), SHOWN);
		assertThat(first).startsWith("Alle Änderungen bisher: 2 Änderungen")
			.contains("anja.wendler: „Lenkungsgruppe einrichten“ – Status: geplant → läuft")
			.contains("Import aus „plan.csv“: 1 Handlungsfeld, 3 Maßnahmen übernommen")
			.contains("**Überfällig** (Zeitraum vorbei, nicht erledigt): 1.2 Kick-off; 1.3 Bildungsberatung aufbauen");
		scenario.moveClockTo(firstMeeting.plusDays(3).atTime(11, 0).atZone(START.getZone()).toInstant());
		scenario.complete(implementation, RECORD_REVIEW_MEETING, ReviewAssessmentTests.results(Map.of(), null));

		// between the meetings: the kick-off is done, the counselling postponed
		scenario.moveClockTo(firstMeeting.plusDays(20).atTime(9, 30).atZone(START.getZone()).toInstant());
		plans.changeStatus(kommune, activity(kommune, "Kick-off").id(), PlanStatus.DONE, "anja.wendler");
		plans.changeStatus(kommune, activity(kommune, "Bildungsberatung").id(), PlanStatus.POSTPONED, "jens.ohlendorf");

		ZonedDateTime nextReview = scenario.management().createJobQuery().processInstanceId(implementation.getId())
			.activityId(TIMER_NEXT_REVIEW).singleResult().getDuedate().toInstant().atZone(START.getZone());
		moveTo(implementation, nextReview);
		scenario.complete(implementation, PLAN_REVIEW_MEETING, ImplementationProcessTests.planReview(nextReview.plusDays(7).toLocalDate()));
		String second = (String) scenario.tasks().getVariable(scenario.task(implementation, RECORD_REVIEW_MEETING).getId(), SHOWN);

		assertThat(second).startsWith("Seit dem letzten Reviewgespräch (festgehalten am "
				+ ReviewAssessmentTests.german(firstMeeting.plusDays(3)) + "): 2 Änderungen")
			.contains(ReviewAssessmentTests.german(firstMeeting.plusDays(20)) + ", 9:30 Uhr, jens.ohlendorf: „Bildungsberatung aufbauen“ – "
					+ "Status: geplant → verschoben")
			.contains("anja.wendler: „Kick-off“ – Status: geplant → erledigt")
			.doesNotContain("Lenkungsgruppe einrichten“ – Status")
			.endsWith("**Überfällig** (Zeitraum vorbei, nicht erledigt): 1.3 Bildungsberatung aufbauen");
	}

	@Test
	void theStrategyMeetingShowsThePlanToo() throws Exception {
		ProcessInstance implementation = scenario.startStandalone(ImplementationProcess.KEY, "SN",
				Map.of(FUNDING_END, Date.from(START.plusYears(3).toInstant())));
		String kommune = implementation.getBusinessKey();
		plans.importPlan(kommune, PlanImport.read("Maßnahme;2026\n1. Netzwerke;;\nKick-off;April\n"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8), "plan.csv"), "anja.wendler", "plan.csv");
		moveTo(implementation, START.plusMonths(12));
		scenario.complete(implementation, PLAN_STRATEGY_MEETING, Map.of(STRATEGY_MEETING_DATE, START.plusMonths(12).plusDays(5).toLocalDate()
			.toString(), "strategyMeetingTime", "14:00", STRATEGY_MEETING_PARTICIPANTS, "Oberbürgermeister, Projektleitung"));

		String shown = (String) scenario.tasks().getVariable(scenario.task(implementation, RECORD_STRATEGY_MEETING).getId(), SHOWN);

		assertThat(shown).startsWith("Alle Änderungen bisher: 1 Änderung").contains("Import aus „plan.csv“")
			.endsWith("**Überfällig** (Zeitraum vorbei, nicht erledigt): 1.1 Kick-off");
	}

	private Activity activity(String kommune, String titleStart) {
		List<Activity> activities = plans.of(kommune).activities();
		return activities.stream().filter(activity -> activity.title().startsWith(titleStart)).findFirst().orElseThrow();
	}

	private void moveTo(ProcessInstance implementation, ZonedDateTime time) {
		scenario.moveClockTo(time.toInstant());
		scenario.executeDueJobs(implementation);
	}

}
