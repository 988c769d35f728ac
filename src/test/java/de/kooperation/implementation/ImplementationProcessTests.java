package de.kooperation.implementation;

import static de.kooperation.shared.ImplementationProcess.Elements.*;
import static de.kooperation.shared.ImplementationProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.CoreElement;
import de.kooperation.reminder.DueDates;
import de.kooperation.shared.ImplementationProcess;

@ProcessTest
class ImplementationProcessTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	/** The implementation starts on a Monday morning; every test moves the clock from here. */
	static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZONE);

	/** The test-only stand-in for the revision process (the real one lives in processes/). */
	static final String REVISION_STAND_IN = "stand-ins/revision.bpmn";

	static final String REVISION_STAND_IN_TASK = "user_revise_agreement_stand_in";

	@Autowired
	Scenario scenario;

	@Autowired
	DueDates dueDates;

	String standInDeployment;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(START.toInstant());

	@AfterEach
	void removeStandIn() {
		if (standInDeployment != null) {
			scenario.engine().getRepositoryService().deleteDeployment(standInDeployment, true);
		}
	}

	@Test
	void aYearOfImplementation_reviewsAndExchangeHalfYearly_strategyAndFeedbackYearly_thenItEndsAtFundingEnd() {
		ZonedDateTime fundingEnd = endOfDay(LocalDate.of(2027, 3, 31));
		ProcessInstance implementation = start(fundingEnd, Map.of());

		assertThat(implementation).isWaitingAt(TIMER_NEXT_REVIEW, TIMER_NEXT_STRATEGY, TIMER_NEXT_FEEDBACK,
				TIMER_NEXT_EXCHANGE);
		assertThat(scenario.openTasks(implementation)).isEmpty();
		assertThat(timerDue(implementation, TIMER_NEXT_REVIEW)).isEqualTo(START.plusMonths(6));
		assertThat(timerDue(implementation, TIMER_NEXT_EXCHANGE)).isEqualTo(START.plusMonths(6));
		assertThat(timerDue(implementation, TIMER_NEXT_STRATEGY)).isEqualTo(START.plusMonths(12));
		assertThat(timerDue(implementation, TIMER_NEXT_FEEDBACK)).isEqualTo(START.plusMonths(12));
		assertThat(scenario.runtime().getVariables(implementation.getId())).containsEntry(REVIEW_MEETING_INTERVAL, "P6M")
			.containsEntry(STRATEGY_MEETING_INTERVAL, "P12M")
			.containsEntry(FEEDBACK_INTERVAL, "P12M")
			.containsEntry(EXCHANGE_INTERVAL, "P6M");

		// after six months: review meeting and knowledge exchange, not yet the yearly ones
		moveTo(implementation, START.plusMonths(6));
		assertThat(openTaskKeys(implementation)).containsExactlyInAnyOrder(PLAN_REVIEW_MEETING, COORDINATE_EXCHANGE);
		holdReviewMeeting(implementation, false, false);
		coordinateExchange(implementation);
		assertThat(timerDue(implementation, TIMER_NEXT_REVIEW)).isEqualTo(START.plusMonths(12));

		// after a year: everything at once
		moveTo(implementation, START.plusMonths(12));
		assertThat(openTaskKeys(implementation)).containsExactlyInAnyOrder(PLAN_REVIEW_MEETING, COORDINATE_EXCHANGE,
				PLAN_STRATEGY_MEETING, GIVE_FEEDBACK);
		holdReviewMeeting(implementation, false, false);
		coordinateExchange(implementation);
		holdStrategyMeeting(implementation);
		giveFeedback(implementation);

		// the next ones would fall after the end of funding: the loops are left, nothing is open
		assertThat(implementation).isWaitingAt(TIMER_FUNDING_END).hasPassed(CYCLES_JOIN, CYCLES_END);
		assertThat(scenario.openTasks(implementation)).isEmpty();
		assertThat(timerDue(implementation, TIMER_FUNDING_END)).isEqualTo(fundingEnd);

		moveTo(implementation, fundingEnd.plusMinutes(1));
		assertThat(implementation).isEnded().hasPassed(END_FUNDING_REACHED).hasNotPassed(BOUNDARY_FUNDING_END);
		assertThat(scenario.openTasks(implementation)).isEmpty();
	}

	@Test
	void threeYearsOfFunding_fiveReviewsAndExchanges_twoStrategyMeetingsAndFeedbacks() {
		ZonedDateTime fundingEnd = endOfDay(START.plusYears(3).minusDays(1).toLocalDate());
		ProcessInstance implementation = start(fundingEnd, Map.of());

		for (int step = 0; step < 50 && !isEnded(implementation); step++) {
			completeEveryOpenTask(implementation);
			Job next = scenario.management().createJobQuery().processInstanceId(implementation.getId()).list().stream()
				.min(Comparator.comparing(Job::getDuedate))
				.orElseThrow();
			scenario.moveClockTo(next.getDuedate().toInstant());
			scenario.executeDueJobs(implementation);
		}

		assertThat(implementation).isEnded().hasPassed(END_FUNDING_REACHED).hasNotPassed(BOUNDARY_FUNDING_END);
		assertThat(finished(implementation, RECORD_REVIEW_MEETING)).isEqualTo(5);
		assertThat(finished(implementation, COORDINATE_EXCHANGE)).isEqualTo(5);
		assertThat(finished(implementation, RECORD_STRATEGY_MEETING)).isEqualTo(2);
		assertThat(finished(implementation, GIVE_FEEDBACK)).isEqualTo(2);
		assertThat(scenario.engine().getHistoryService().createHistoricProcessInstanceQuery()
			.processInstanceId(implementation.getId()).singleResult().getEndTime().toInstant()).isEqualTo(fundingEnd.toInstant());
	}

	@Test
	void tasksAreOfferedToTheRightPartyOfTheirOwnKommune_withDueDates() {
		ProcessInstance implementation = start(endOfDay(LocalDate.of(2028, 12, 31)), Map.of());
		ProcessInstance otherKommune = start(endOfDay(LocalDate.of(2028, 12, 31)), Map.of());
		String contacts = (String) scenario.runtime().getVariable(implementation.getId(), MUNICIPALITY_GROUP);
		String leadership = (String) scenario.runtime().getVariable(implementation.getId(), MUNICIPALITY_LEADERSHIP_GROUP);
		String otherContacts = (String) scenario.runtime().getVariable(otherKommune.getId(), MUNICIPALITY_GROUP);
		String otherLeadership = (String) scenario.runtime().getVariable(otherKommune.getId(), MUNICIPALITY_LEADERSHIP_GROUP);
		ZonedDateTime now = START.plusMonths(12);
		scenario.moveClockTo(now.toInstant());
		scenario.executeDueJobs(implementation);
		scenario.executeDueJobs(otherKommune);

		assertThat(candidateGroups(implementation, PLAN_REVIEW_MEETING)).containsExactlyInAnyOrder(PartyGroups.AGENCY_TEAM, contacts);
		assertThat(candidateGroups(implementation, PLAN_STRATEGY_MEETING))
			.containsExactlyInAnyOrder(PartyGroups.AGENCY_LEADERSHIP, leadership);
		assertThat(candidateGroups(implementation, GIVE_FEEDBACK)).containsExactly(contacts);
		assertThat(candidateGroups(implementation, COORDINATE_EXCHANGE)).containsExactly(PartyGroups.AGENCY_TEAM);
		assertThat(dueDate(implementation, PLAN_REVIEW_MEETING)).isEqualTo(due(now, "meeting"));
		assertThat(dueDate(implementation, PLAN_STRATEGY_MEETING)).isEqualTo(due(now, "meeting"));
		assertThat(dueDate(implementation, GIVE_FEEDBACK)).isEqualTo(due(now, "feedback"));
		assertThat(dueDate(implementation, COORDINATE_EXCHANGE)).isEqualTo(due(now, "knowledgeExchange"));

		// the tasks that record a meeting: due two weeks after the agreed date (the next working day)
		LocalDate reviewDay = now.toLocalDate().plusDays(10);
		scenario.complete(implementation, PLAN_REVIEW_MEETING, planReview(reviewDay));
		LocalDate strategyDay = now.toLocalDate().plusDays(20);
		scenario.complete(implementation, PLAN_STRATEGY_MEETING, Map.of(STRATEGY_MEETING_DATE, strategyDay.toString(), "strategyMeetingTime", "14:00",
				STRATEGY_MEETING_PARTICIPANTS, "Oberbürgermeister, Projektleitung der Transferagentur"));
		assertThat(candidateGroups(implementation, RECORD_REVIEW_MEETING)).containsExactly(PartyGroups.AGENCY_TEAM);
		assertThat(candidateGroups(implementation, RECORD_STRATEGY_MEETING)).containsExactly(PartyGroups.AGENCY_LEADERSHIP);
		assertThat(dueDate(implementation, RECORD_REVIEW_MEETING))
			.isEqualTo(endOfDay(workingDays.onOrAfter(reviewDay.plusDays(14), "RP")).toInstant());
		assertThat(dueDate(implementation, RECORD_STRATEGY_MEETING))
			.isEqualTo(endOfDay(workingDays.onOrAfter(strategyDay.plusDays(14), "RP")).toInstant());

		// nothing of this Kommune is offered to the other one, and vice versa
		for (String group : List.of(otherContacts, otherLeadership)) {
			assertThat(scenario.tasks().createTaskQuery().taskCandidateGroup(group)
				.processInstanceBusinessKey(implementation.getBusinessKey()).count()).isZero();
		}
		assertThat(scenario.tasks().createTaskQuery().taskCandidateGroup(otherContacts).list())
			.extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(PLAN_REVIEW_MEETING, GIVE_FEEDBACK);
		assertThat(scenario.openTasks(implementation)).allSatisfy(task -> assertThat(task.getDueDate()).isNotNull());
	}

	@Test
	void goalsChangedInAReviewMeeting_callsTheRevisionBeforeTheNextReviewCycle() {
		deployRevisionStandIn();
		ProcessInstance implementation = start(endOfDay(LocalDate.of(2028, 12, 31)), Map.of());
		moveTo(implementation, START.plusMonths(6));

		coordinateExchange(implementation);
		holdReviewMeeting(implementation, false, true);

		assertThat(implementation).isWaitingAt(CALL_REVISION, TIMER_NEXT_STRATEGY, TIMER_NEXT_FEEDBACK, TIMER_NEXT_EXCHANGE);
		ProcessInstance revision = scenario.runtime().createProcessInstanceQuery()
			.superProcessInstanceId(implementation.getId()).singleResult();
		assertThat(revision.getBusinessKey()).isEqualTo(implementation.getBusinessKey());
		assertThat(revision.getProcessDefinitionId()).startsWith(ImplementationProcess.REVISION_KEY + ":");
		assertThat(scenario.runtime().getVariables(revision.getId())).containsKey(FUNDING_END)
			.containsEntry(REVIEW_MEETING_NEXT_STEPS, "Monitoringkonzept abstimmen");
		assertThat(jobAt(implementation, TIMER_NEXT_REVIEW)).as("no next review while the agreement is revised").isNull();

		scenario.complete(implementation, REVISION_STAND_IN_TASK, Map.of("agreementVersion", 3L));

		assertThat(implementation).isWaitingAt(TIMER_NEXT_REVIEW).hasPassed(REVISION_JOIN);
		assertThat(scenario.runtime().getVariable(implementation.getId(), "agreementVersion")).isEqualTo(3L);
		assertThat(timerDue(implementation, TIMER_NEXT_REVIEW)).isEqualTo(START.plusMonths(12));

		// the next review starts with clean decisions: the old tick neither shows nor steers
		moveTo(implementation, START.plusMonths(12));
		scenario.complete(implementation, PLAN_REVIEW_MEETING, planReview(START.plusMonths(12).toLocalDate()));
		assertThat(scenario.runtime().getVariable(implementation.getId(), REVIEW_MEETING_DATE))
			.isEqualTo(START.plusMonths(12).toLocalDate().toString());
		assertThat(scenario.runtime().getVariable(implementation.getId(), GOALS_CHANGED)).isEqualTo(false);
		Map<String, Object> results = new HashMap<>(assessment("3"));
		results.put(REVIEW_MEETING_STATUS, "Monitoring läuft");
		results.put(REVIEW_MEETING_NEXT_STEPS, "Bildungsbericht vorbereiten");
		scenario.complete(implementation, RECORD_REVIEW_MEETING, results);
		assertThat(implementation).isWaitingAt(TIMER_NEXT_REVIEW);
		assertThat(scenario.runtime().createProcessInstanceQuery().superProcessInstanceId(implementation.getId()).count())
			.isZero();
	}

	@Test
	void theOtherLoopsGoOnDuringARevision_andTheRevisionDoesNotTurnBackWhatTheyRecorded() {
		deployRevisionStandIn();
		ProcessInstance implementation = start(endOfDay(LocalDate.of(2028, 12, 31)),
				Map.of(STRATEGY_MEETING_INTERVAL, "P6M", FEEDBACK_INTERVAL, "P6M"));
		moveTo(implementation, START.plusMonths(6));
		giveFeedback(implementation, "partly_satisfied");
		holdStrategyMeeting(implementation);
		coordinateExchange(implementation);
		holdReviewMeeting(implementation, false, true);
		ProcessInstance revision = scenario.runtime().createProcessInstanceQuery()
			.superProcessInstanceId(implementation.getId()).singleResult();
		assertThat(scenario.runtime().getVariables(revision.getId())).containsKey(REVIEW_MEETING_STATUS)
			.doesNotContainKeys(FEEDBACK_RATING, STRATEGY_MEETING_DATE, EXCHANGE_EVENTS_OFFERED);

		// half a year later the agreement is still being revised; the other loops go on, the review waits
		moveTo(implementation, START.plusMonths(12));
		assertThat(openTaskKeys(implementation)).containsExactlyInAnyOrder(REVISION_STAND_IN_TASK, GIVE_FEEDBACK,
				PLAN_STRATEGY_MEETING, COORDINATE_EXCHANGE);
		giveFeedback(implementation, "very_satisfied");
		LocalDate strategyDay = START.plusMonths(12).plusDays(5).toLocalDate();
		scenario.complete(implementation, PLAN_STRATEGY_MEETING, Map.of(STRATEGY_MEETING_DATE, strategyDay.toString(), "strategyMeetingTime", "14:00",
				STRATEGY_MEETING_PARTICIPANTS, "Landrat, Projektleitung"));
		scenario.complete(implementation, COORDINATE_EXCHANGE, Map.of(EXCHANGE_EVENTS_OFFERED, "Fachtag Übergänge"));

		scenario.complete(implementation, REVISION_STAND_IN_TASK, Map.of("agreementVersion", 2L));

		assertThat(implementation).isWaitingAt(TIMER_NEXT_REVIEW, RECORD_STRATEGY_MEETING, TIMER_NEXT_FEEDBACK,
				TIMER_NEXT_EXCHANGE);
		assertThat(scenario.runtime().getVariables(implementation.getId()))
			.containsEntry("agreementVersion", 2L)
			.containsEntry(FEEDBACK_RATING, "very_satisfied")
			.containsEntry(STRATEGY_MEETING_DATE, strategyDay.toString())
			.containsEntry(EXCHANGE_EVENTS_OFFERED, "Fachtag Übergänge");
		assertThat(timerDue(implementation, TIMER_NEXT_REVIEW)).isEqualTo(START.plusMonths(18));
	}

	@Test
	void supportRequestedInAReviewMeeting_givesTheAgencyATaskToArrangeTrainingOrExperts() {
		ProcessInstance implementation = start(endOfDay(LocalDate.of(2028, 12, 31)), Map.of());
		moveTo(implementation, START.plusMonths(6));
		scenario.complete(implementation, PLAN_REVIEW_MEETING, planReview(START.plusMonths(6).plusDays(7).toLocalDate()));

		Map<String, Object> withoutNeeds = recordReview(true, false);
		String recordTask = scenario.task(implementation, RECORD_REVIEW_MEETING).getId();
		assertThatThrownBy(() -> scenario.tasks().complete(recordTask, withoutNeeds))
			.hasMessageContaining("Unterstützungsbedarf der Kommune");
		assertThat(implementation).isWaitingAt(RECORD_REVIEW_MEETING);

		Map<String, Object> withNeeds = new HashMap<>(withoutNeeds);
		withNeeds.put(REVIEW_MEETING_SUPPORT_NEEDS, "Workshop zu Bildungsindikatoren");
		scenario.complete(implementation, RECORD_REVIEW_MEETING, withNeeds);

		Task arrange = scenario.task(implementation, ARRANGE_SUPPORT);
		assertThat(candidateGroups(implementation, ARRANGE_SUPPORT)).containsExactly(PartyGroups.AGENCY_TEAM);
		assertThat(arrange.getDueDate().toInstant()).isEqualTo(due(START.plusMonths(6), "implementationSupport"));
		scenario.complete(implementation, ARRANGE_SUPPORT, Map.of(SUPPORT_OFFERED,
				"Entwicklungsworkshop Bildungsmonitoring gemeinsam mit zwei Nachbarkommunen",
				SUPPORT_DATE, START.plusMonths(7).toLocalDate().toString()));

		assertThat(implementation).isWaitingAt(TIMER_NEXT_REVIEW).hasPassed(ARRANGE_SUPPORT).hasNotPassed(CALL_REVISION);
	}

	@Test
	void tasksStillOpenAtTheEndOfFunding_areClosedAndTheImplementationEnds() {
		ZonedDateTime fundingEnd = START.plusMonths(7);
		ProcessInstance implementation = start(fundingEnd, Map.of());

		// a yearly strategy meeting or feedback would fall after the end of funding: those loops end at once
		assertThat(implementation).isWaitingAt(TIMER_NEXT_REVIEW, TIMER_NEXT_EXCHANGE);
		moveTo(implementation, START.plusMonths(6));
		assertThat(openTaskKeys(implementation)).containsExactlyInAnyOrder(PLAN_REVIEW_MEETING, COORDINATE_EXCHANGE);

		moveTo(implementation, fundingEnd);

		assertThat(implementation).isEnded().hasPassed(BOUNDARY_FUNDING_END, END_FUNDING_REACHED).hasNotPassed(CYCLES_END);
		assertThat(scenario.openTasks(implementation)).isEmpty();
	}

	@Test
	void fundingEndingBeforeTheFirstMeeting_endsAtFundingEndWithoutAnyTask() {
		ZonedDateTime fundingEnd = START.plusMonths(3);
		ProcessInstance implementation = start(fundingEnd, Map.of());

		assertThat(implementation).isWaitingAt(TIMER_FUNDING_END);
		assertThat(scenario.openTasks(implementation)).isEmpty();
		moveTo(implementation, fundingEnd.minusDays(1));
		assertThat(implementation).isNotEnded();

		moveTo(implementation, fundingEnd);

		assertThat(implementation).isEnded().hasPassed(END_FUNDING_REACHED).hasNotPassed(TIMER_NEXT_REVIEW);
	}

	@Test
	void intervalsCanBeAgreedPerKommune() {
		ProcessInstance implementation = start(endOfDay(LocalDate.of(2028, 12, 31)),
				Map.of(REVIEW_MEETING_INTERVAL, "P4M", EXCHANGE_INTERVAL, "P1Y"));

		assertThat(timerDue(implementation, TIMER_NEXT_REVIEW)).isEqualTo(START.plusMonths(4));
		assertThat(timerDue(implementation, TIMER_NEXT_EXCHANGE)).isEqualTo(START.plusYears(1));
		assertThat(timerDue(implementation, TIMER_NEXT_STRATEGY)).isEqualTo(START.plusMonths(12));
		assertThat(scenario.runtime().getVariable(implementation.getId(), FEEDBACK_INTERVAL)).isEqualTo("P12M");
	}

	@Test
	void aWrongIntervalOrAMissingFundingEndIsRefusedAtTheStart() {
		assertThatThrownBy(() -> start(endOfDay(LocalDate.of(2028, 12, 31)), Map.of(REVIEW_MEETING_INTERVAL, "6 Monate")))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Ungültiges Intervall 'reviewMeetingInterval'");
		assertThatThrownBy(() -> start(endOfDay(LocalDate.of(2028, 12, 31)), Map.of(STRATEGY_MEETING_INTERVAL, "P0D")))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("P6M");

		Map<String, Object> noFundingEnd = new HashMap<>();
		noFundingEnd.put(FUNDING_END, null);
		assertThatThrownBy(() -> scenario.startStandalone(ImplementationProcess.KEY, "RP", noFundingEnd))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("Förderende");
	}

	@Test
	void aFundingEndGivenAsDateStringCountsUntilTheEndOfThatDay() {
		ProcessInstance implementation = scenario.startStandalone(ImplementationProcess.KEY, "NI",
				Map.of(FUNDING_END, "2026-06-30"));

		assertThat(implementation).isWaitingAt(TIMER_FUNDING_END);
		assertThat(timerDue(implementation, TIMER_FUNDING_END)).isEqualTo(endOfDay(LocalDate.of(2026, 6, 30)));
	}

	// ------------------------------------------------------------------ steps

	ProcessInstance start(ZonedDateTime fundingEnd, Map<String, Object> extra) {
		Map<String, Object> variables = new HashMap<>(extra);
		variables.put(FUNDING_END, Date.from(fundingEnd.toInstant()));
		return scenario.startStandalone(ImplementationProcess.KEY, "RP", variables);
	}

	void moveTo(ProcessInstance implementation, ZonedDateTime time) {
		scenario.moveClockTo(time.toInstant());
		scenario.executeDueJobs(implementation);
	}

	void deployRevisionStandIn() {
		standInDeployment = scenario.engine().getRepositoryService().createDeployment()
			.name("revision stand-in (test only)")
			.addClasspathResource(REVISION_STAND_IN)
			.deploy()
			.getId();
	}

	void holdReviewMeeting(ProcessInstance implementation, boolean supportRequested, boolean goalsChanged) {
		scenario.complete(implementation, PLAN_REVIEW_MEETING, planReview(today().plusDays(14)));
		Map<String, Object> results = new HashMap<>(recordReview(supportRequested, goalsChanged));
		if (supportRequested) {
			results.put(REVIEW_MEETING_SUPPORT_NEEDS, "Qualifizierung im Bildungsmonitoring");
		}
		scenario.complete(implementation, RECORD_REVIEW_MEETING, results);
	}

	static Map<String, Object> planReview(LocalDate day) {
		return Map.of(REVIEW_MEETING_DATE, day.toString(), "reviewMeetingTime", "10:00",
				REVIEW_MEETING_PARTICIPANTS, "Ansprechpartnerinnen der Kommune, Transfermanager/in");
	}

	static Map<String, Object> recordReview(boolean supportRequested, boolean goalsChanged) {
		Map<String, Object> results = new HashMap<>(assessment("2"));
		results.putAll(Map.of(REVIEW_MEETING_STATUS, "Steuerungsgruppe arbeitet, erste Indikatoren liegen vor",
				REVIEW_MEETING_NEXT_STEPS, "Monitoringkonzept abstimmen",
				REVIEW_ASSESSMENT_NOTE, "Datenbasierung: von Typ 2 zu Typ 3",
				SUPPORT_REQUESTED, supportRequested,
				GOALS_CHANGED, goalsChanged));
		return results;
	}

	/** The Standortbestimmung of a review meeting: the same type for every core element. */
	static Map<String, Object> assessment(String level) {
		Map<String, Object> types = new HashMap<>();
		for (CoreElement element : CoreElement.values()) {
			types.put(reviewAssessment(element), level);
		}
		return types;
	}

	void holdStrategyMeeting(ProcessInstance implementation) {
		scenario.complete(implementation, PLAN_STRATEGY_MEETING, Map.of(STRATEGY_MEETING_DATE, today().plusDays(21).toString(), "strategyMeetingTime", "14:00",
				STRATEGY_MEETING_PARTICIPANTS, "Oberbürgermeister, Projektleitung der Transferagentur"));
		scenario.complete(implementation, RECORD_STRATEGY_MEETING, Map.of(STRATEGY_MEETING_STATUS, "Ziele 1 und 2 in Umsetzung",
				STRATEGY_MEETING_DEVELOPMENT, "Bildungsmonitoring dauerhaft verankern"));
	}

	void giveFeedback(ProcessInstance implementation) {
		giveFeedback(implementation, "satisfied");
	}

	void giveFeedback(ProcessInstance implementation, String rating) {
		scenario.complete(implementation, GIVE_FEEDBACK, Map.of(FEEDBACK_RATING, rating,
				FEEDBACK_SUGGESTIONS, "Mehr Austausch mit Nachbarkommunen"));
	}

	void coordinateExchange(ProcessInstance implementation) {
		scenario.complete(implementation, COORDINATE_EXCHANGE, Map.of(EXCHANGE_EVENTS_OFFERED,
				"Fachforum Bildungsmonitoring, Regionaltreffen der Kommunen"));
	}

	/** Does what the users would do with whatever is open, the regular way. */
	void completeEveryOpenTask(ProcessInstance implementation) {
		for (String key : openTaskKeys(implementation)) {
			switch (key) {
				case PLAN_REVIEW_MEETING -> holdReviewMeeting(implementation, false, false);
				case PLAN_STRATEGY_MEETING -> holdStrategyMeeting(implementation);
				case GIVE_FEEDBACK -> giveFeedback(implementation);
				case COORDINATE_EXCHANGE -> coordinateExchange(implementation);
				default -> throw new AssertionError("unexpected open task " + key);
			}
		}
	}

	// ------------------------------------------------------------------ queries

	static ZonedDateTime endOfDay(LocalDate day) {
		return day.atTime(LocalTime.of(23, 59)).atZone(ZONE);
	}

	static LocalDate today() {
		return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
	}

	/** When a task created then is due by the configured days of its stage. */
	/** End of the working day (Rheinland-Pfalz) on or after the configured days for the stage. */
	Instant due(ZonedDateTime created, String stage) {
		java.time.LocalDate day = created.toLocalDate().plusDays(dueDates.getDays().getOrDefault(stage, dueDates.getDefaultDays()));
		return workingDays.onOrAfter(day, "RP").atTime(23, 59).atZone(created.getZone()).toInstant();
	}

	@Autowired
	de.kooperation.reminder.WorkingDays workingDays;

	Instant dueDate(ProcessInstance implementation, String taskKey) {
		return scenario.task(implementation, taskKey).getDueDate().toInstant();
	}

	Job jobAt(ProcessInstance implementation, String activityId) {
		return scenario.management().createJobQuery().processInstanceId(implementation.getId()).activityId(activityId)
			.singleResult();
	}

	ZonedDateTime timerDue(ProcessInstance implementation, String activityId) {
		Job job = jobAt(implementation, activityId);
		assertThat(job).as("timer at %s", activityId).isNotNull();
		return job.getDuedate().toInstant().atZone(ZONE);
	}

	List<String> openTaskKeys(ProcessInstance implementation) {
		return scenario.openTasks(implementation).stream().map(Task::getTaskDefinitionKey).toList();
	}

	Set<String> candidateGroups(ProcessInstance implementation, String taskKey) {
		return scenario.tasks().getIdentityLinksForTask(scenario.task(implementation, taskKey).getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.collect(Collectors.toSet());
	}

	boolean isEnded(ProcessInstance implementation) {
		return scenario.runtime().createProcessInstanceQuery().processInstanceId(implementation.getId()).count() == 0;
	}

	long finished(ProcessInstance implementation, String taskKey) {
		return scenario.engine().getHistoryService().createHistoricTaskInstanceQuery()
			.processInstanceId(implementation.getId()).taskDefinitionKey(taskKey).finished().count();
	}

}
