package de.kooperation.implementation;

import static de.kooperation.shared.ImplementationProcess.Elements.*;
import static de.kooperation.shared.ImplementationProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.CoreElement;
import de.kooperation.maturity.MaturityAssessment;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.maturity.MaturityChart;
import de.kooperation.shared.MaturityLevel;
import de.kooperation.shared.ImplementationProcess;

/**
 * Every review meeting takes a Standortbestimmung like the baseline analysis: one type per core
 * element and a note, kept with the day of the meeting, so the Kommune's profile shows one line per
 * assessment.
 */
@ProcessTest
class ReviewAssessmentTests {

	static final ZonedDateTime START = ImplementationProcessTests.START;

	static final LocalDate BASELINE_DAY = LocalDate.of(2025, 11, 20);

	@Autowired
	Scenario scenario;

	@Autowired
	MaturityAssessments assessments;

	@Autowired
	MaturityChart chart;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(START.toInstant());

	@Test
	void twoReviewMeetings_afterTheBaselineAnalysis_giveThreeAssessmentsInDateOrder_andThreeLinesInTheChart() {
		ProcessInstance implementation = start();
		String kommune = implementation.getBusinessKey();
		recordBaseline(kommune);

		// first review: prefilled with the baseline analysis, recorded on the day of the meeting
		moveTo(implementation, START.plusMonths(6));
		LocalDate firstMeeting = START.plusMonths(6).plusDays(10).toLocalDate();
		scenario.complete(implementation, PLAN_REVIEW_MEETING, ImplementationProcessTests.planReview(firstMeeting));
		Map<String, Object> prefilled = scenario.tasks().getVariables(scenario.task(implementation, RECORD_REVIEW_MEETING).getId());
		assertThat(prefilled).containsEntry(reviewAssessment(CoreElement.DATA_BASIS), "1")
			.containsEntry(reviewAssessment(CoreElement.STEERING), "2")
			.containsEntry(REVIEW_ASSESSMENT_PREVIOUS, "Bedarfsanalyse vom 20.11.2025");
		scenario.moveClockTo(firstMeeting.plusDays(3).atTime(11, 0).atZone(START.getZone()).toInstant());
		Map<String, Object> first = results(Map.of(CoreElement.DATA_BASIS, "2"), "Daten werden erstmals ämterübergreifend genutzt");
		scenario.complete(implementation, RECORD_REVIEW_MEETING, first);

		// second review: prefilled with the first one, its note cleared
		ZonedDateTime nextReview = scenario.management().createJobQuery().processInstanceId(implementation.getId())
			.activityId(TIMER_NEXT_REVIEW).singleResult().getDuedate().toInstant().atZone(START.getZone());
		moveTo(implementation, nextReview);
		LocalDate secondMeeting = nextReview.plusDays(7).toLocalDate();
		scenario.complete(implementation, PLAN_REVIEW_MEETING, ImplementationProcessTests.planReview(secondMeeting));
		Map<String, Object> again = scenario.tasks().getVariables(scenario.task(implementation, RECORD_REVIEW_MEETING).getId());
		assertThat(again).containsEntry(reviewAssessment(CoreElement.DATA_BASIS), "2")
			.containsEntry(REVIEW_ASSESSMENT_PREVIOUS, "Reviewgespräch vom " + german(firstMeeting));
		assertThat(again.get(REVIEW_ASSESSMENT_NOTE)).isNull();
		scenario.complete(implementation, RECORD_REVIEW_MEETING,
				results(Map.of(CoreElement.DATA_BASIS, "3", CoreElement.COORDINATION, "3"), null));

		List<MaturityAssessment> recorded = assessments.of(kommune);
		assertThat(recorded).extracting(MaturityAssessment::assessedOn).containsExactly(BASELINE_DAY, firstMeeting, secondMeeting);
		assertThat(recorded).extracting(MaturityAssessment::occasion).containsExactly(MaturityAssessment.BASELINE_ANALYSIS,
				MaturityAssessment.REVIEW_MEETING, MaturityAssessment.REVIEW_MEETING);
		assertThat(recorded).extracting(assessment -> assessment.ratings().get(CoreElement.DATA_BASIS).level())
			.containsExactly(MaturityLevel.TYPE_1, MaturityLevel.TYPE_2, MaturityLevel.TYPE_3);
		assertThat(recorded.get(1).note()).isEqualTo("Daten werden erstmals ämterübergreifend genutzt");
		assertThat(recorded.get(2).note()).isNull();
		assertThat(recorded.get(2).ratings()).hasSize(CoreElement.values().length);

		String svg = chart.svg(recorded);
		assertThat(Pattern.compile("<polyline").matcher(svg).results().count()).isEqualTo(3);
		assertThat(svg).contains("20.11.2025 – Bedarfsanalyse", german(firstMeeting) + " – Reviewgespräch",
				german(secondMeeting) + " – Reviewgespräch");
	}

	@Test
	void aReviewMeetingWithoutAnyEarlierAssessment_startsEmpty_andAnIncompleteProfileIsRefused() {
		ProcessInstance implementation = start();
		moveTo(implementation, START.plusMonths(6));
		scenario.complete(implementation, PLAN_REVIEW_MEETING, ImplementationProcessTests.planReview(START.plusMonths(6).toLocalDate()));
		String task = scenario.task(implementation, RECORD_REVIEW_MEETING).getId();
		assertThat(scenario.tasks().getVariables(task)).containsEntry(REVIEW_ASSESSMENT_PREVIOUS, "noch keine")
			.containsEntry(reviewAssessment(CoreElement.STRATEGIC_GOALS), null);

		Map<String, Object> incomplete = results(Map.of(), null);
		incomplete.remove(reviewAssessment(CoreElement.EDUCATION_PROJECTS));
		assertThatThrownBy(() -> scenario.tasks().complete(task, incomplete)).hasMessageContaining("Bildungsprojekte und -maßnahmen");
		assertThat(assessments.of(implementation.getBusinessKey())).isEmpty();

		scenario.complete(implementation, RECORD_REVIEW_MEETING, results(Map.of(), null));
		assertThat(assessments.of(implementation.getBusinessKey())).singleElement()
			.satisfies(assessment -> assertThat(assessment.assessedOn()).isEqualTo(START.plusMonths(6).toLocalDate()));
	}

	// ------------------------------------------------------------------ steps

	ProcessInstance start() {
		return scenario.startStandalone(ImplementationProcess.KEY, "RP",
				Map.of(FUNDING_END, Date.from(START.plusYears(3).toInstant())));
	}

	void moveTo(ProcessInstance implementation, ZonedDateTime time) {
		scenario.moveClockTo(time.toInstant());
		scenario.executeDueJobs(implementation);
	}

	/** What the baseline analysis left: Datenbasierung Typ 1, everything else Typ 2. */
	void recordBaseline(String kommune) {
		Map<CoreElement, MaturityAssessment.Rating> ratings = new EnumMap<>(CoreElement.class);
		for (CoreElement element : CoreElement.values()) {
			ratings.put(element,
					new MaturityAssessment.Rating(element == CoreElement.DATA_BASIS ? MaturityLevel.TYPE_1 : MaturityLevel.TYPE_2, null));
		}
		assessments.record(kommune, BASELINE_DAY, MaturityAssessment.BASELINE_ANALYSIS, null, ratings, "lena.vogt",
				BASELINE_DAY.atStartOfDay(START.getZone()).toInstant());
	}

	/** The review's results: Typ 2 for every element except the given ones, no decisions. */
	static Map<String, Object> results(Map<CoreElement, String> types, String note) {
		Map<String, Object> results = new HashMap<>(ImplementationProcessTests.recordReview(false, false));
		types.forEach((element, level) -> results.put(reviewAssessment(element), level));
		results.put(REVIEW_ASSESSMENT_NOTE, note);
		return results;
	}

	static String german(LocalDate day) {
		return String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
	}

}
