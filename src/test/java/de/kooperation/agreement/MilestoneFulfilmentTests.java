package de.kooperation.agreement;

import static de.kooperation.agreement.AgreementForms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.EngineClock;
import de.kooperation.FormRows;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * A milestone linked to the task that fulfils it is closed when that task is completed for its
 * Kommune: a signing once both have signed, a Sondierungsgespräch once it was held (not
 * postponed), the interviews with the last one. Other Kommunen's milestones stay as they are.
 */
@ProcessTest
@Import(AgreementJourney.class)
class MilestoneFulfilmentTests {

	static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));

	/** The introductory talks agree to work together. */
	static final Map<String, Object> CONTINUE = Map.of(CollaborationProcess.Vars.CONTINUE_COLLABORATION, true);

	@Autowired
	Scenario scenario;

	@Autowired
	Agreements agreements;

	@Autowired
	AgreementJourney journey;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(START.toInstant());

	@Test
	void aCollaborationClosesItsMilestonesAsItsTasksAreDone() {
		String otherKommune = journey.signFirstVersion("TH", List.of(AgreementJourney.goal(Goal.HIGH, "Bildungsmonitoring")),
				List.of(linked("Ergebnisbericht", BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT)), LocalDate.of(2026, 3, 2));
		ProcessInstance collaboration = scenario.startCollaboration("TH");
		String kommune = collaboration.getBusinessKey();
		scenario.advance(collaboration, AgreementProcess.Elements.DRAFT, CONTINUE);
		agreements.saveDraftContent(kommune, List.of(AgreementJourney.goal(Goal.HIGH, "Bildungsmonitoring")),
				List.of(linked("Zielvereinbarung", AgreementProcess.Elements.SIGN_AGENCY),
						linked("Sondierungsgespräch", CollaborationProcess.Elements.EXPLORATORY_MEETING),
						linked("Interviews", BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW),
						linked("Ergebnisbericht", BaselineAnalysisProcess.Elements.WRITE_RESULT_REPORT),
						AgreementJourney.milestone("Öffentlichkeitsarbeit", LocalDate.of(2027, 6, 30))),
				null, null);

		// signed by both: the agreement's own milestone is reached, as the version in force says
		scenario.advance(collaboration, CollaborationProcess.Elements.EXPLORATORY_MEETING, CONTINUE);
		assertThat(closed(kommune)).containsExactly(Map.entry("Zielvereinbarung", true), Map.entry("Sondierungsgespräch", false),
				Map.entry("Interviews", false), Map.entry("Ergebnisbericht", false), Map.entry("Öffentlichkeitsarbeit", false));
		assertThat(agreements.version(kommune, 1).orElseThrow().milestones().get(0).closed()).as("the version as signed").isFalse();
		String agreementMilestone = agreements.current(kommune).orElseThrow().milestones().get(0).key();
		assertThat(agreements.closures(kommune)).containsOnlyKeys(agreementMilestone);

		// a postponed Sondierungsgespräch has not taken place yet
		scenario.completeOpenTasks(collaboration, Map.of(CollaborationProcess.Vars.EXPLORATORY_MEETING_POSTPONED, true));
		assertThat(scenario.task(collaboration, CollaborationProcess.Elements.EXPLORATORY_MEETING)).isNotNull();
		assertThat(closed(kommune)).containsEntry("Sondierungsgespräch", false);
		scenario.completeOpenTasks(collaboration, Map.of(CollaborationProcess.Vars.EXPLORATORY_MEETING_POSTPONED, false));
		assertThat(closed(kommune)).containsEntry("Sondierungsgespräch", true).containsEntry("Interviews", false);

		// two experts, two interviews: the milestone is reached with the second
		scenario.advance(collaboration, BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW,
				Map.of(BaselineAnalysisProcess.Vars.EXPERT_SELECTION,
						FormRows.experts("Anna Schulz; Leitung Schulverwaltungsamt\nBernd Koch; Leitung Jugendamt")));
		List<Task> interviews = scenario.tasks().createTaskQuery().processInstanceBusinessKey(kommune)
			.taskDefinitionKey(BaselineAnalysisProcess.Elements.CONDUCT_INTERVIEW).list();
		assertThat(interviews).hasSize(2);
		Map<String, Object> interview = Map.of("interviewDate",
				ClockUtil.getCurrentTime().toInstant().atZone(START.getZone()).toLocalDate().toString(), "interviewNotes",
				"Protokoll in der Ablage");
		scenario.tasks().complete(interviews.get(0).getId(), interview);
		assertThat(closed(kommune)).containsEntry("Interviews", false);
		scenario.tasks().complete(interviews.get(1).getId(), interview);
		assertThat(closed(kommune)).containsEntry("Interviews", true).containsEntry("Ergebnisbericht", false);

		scenario.advance(collaboration, BaselineAnalysisProcess.Elements.RECEIVE_RESULT_REPORT, CONTINUE);
		assertThat(closed(kommune)).containsEntry("Ergebnisbericht", true).containsEntry("Öffentlichkeitsarbeit", false);
		assertThat(closed(otherKommune)).as("another Kommune's milestone").containsEntry("Ergebnisbericht", false);
	}

	@Test
	void aRevisionsMilestoneIsReachedWhenBothHaveSigned() {
		String kommune = journey.signFirstVersion("TH", List.of(AgreementJourney.goal(Goal.HIGH, "Bildungsmonitoring")),
				List.of(linked("Fortschreibung", RevisionProcess.Elements.SIGN_AGENCY)), LocalDate.of(2026, 3, 2));
		ProcessInstance revision = journey.startRevision(kommune);
		Map<String, Object> form = draft();
		form.put(RevisionProcess.Vars.REVISION_CHANGE_SUMMARY, "Meilensteine fortgeschrieben");
		scenario.complete(revision, RevisionProcess.Elements.DRAFT, form);
		scenario.complete(revision, RevisionProcess.Elements.REVIEW, approve(RevisionProcess.Vars.REVISION_CHANGES_REQUESTED));

		scenario.complete(revision, RevisionProcess.Elements.SIGN_AGENCY,
				sign(RevisionProcess.Vars.REVISION_AGENCY_SIGNED_DATE, "2026-03-02", RevisionProcess.Vars.REVISION_AGENCY_SIGNATORY,
						"Dr. Katja Wolf"));
		assertThat(closed(kommune)).as("one signature").containsEntry("Fortschreibung", false);

		scenario.complete(revision, RevisionProcess.Elements.SIGN_MUNICIPALITY, sign(RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNED_DATE,
				"2026-03-02", RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNATORY, "Oberbürgermeister"));
		assertThat(agreements.current(kommune).orElseThrow().number()).isEqualTo(2);
		assertThat(closed(kommune)).containsEntry("Fortschreibung", true);
		assertThat(agreements.closures(kommune)).containsValue(START.toLocalDate());
	}

	/** A milestone due in a year that the given task fulfils. */
	static Milestone linked(String title, String taskKey) {
		Milestone milestone = AgreementJourney.milestone(title, LocalDate.of(2027, 3, 31));
		return new Milestone(milestone.key(), title, milestone.purpose(), milestone.municipalityPart(), milestone.agencyPart(),
				milestone.period(), milestone.dueOn(), false, taskKey);
	}

	/** Title -> closed, in the order of the plan in force. */
	Map<String, Boolean> closed(String kommune) {
		Map<String, Boolean> closed = new LinkedHashMap<>();
		agreements.current(kommune).orElseThrow().milestones().forEach(milestone -> closed.put(milestone.title(), milestone.closed()));
		return closed;
	}

}
