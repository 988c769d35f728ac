package de.kooperation.agreement;

import static de.kooperation.agreement.AgreementJourney.goal;
import static de.kooperation.agreement.AgreementJourney.milestone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.AgreementProcess;

/** The Zielvereinbarung as data: drafts, frozen versions, the history and what changed. */
@ProcessTest
@Import(AgreementJourney.class)
class AgreementVersionTests {

	static final ZonedDateTime NOW = ZonedDateTime.of(2026, 10, 15, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

	@Autowired
	Scenario scenario;

	@Autowired
	AgreementJourney journey;

	@Autowired
	Agreements agreements;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(NOW.toInstant());

	@Test
	void signingFreezesTheDraftAsVersionOne_withGoalsMilestonesDutiesAndFrame() {
		Goal monitoring = goal(Goal.HIGH, "Bildungsmonitoring aufbauen");
		Milestone analysis = milestone("Bedarfsanalyse", LocalDate.of(2027, 2, 28));
		String kommune = journey.signFirstVersion("TH", List.of(monitoring), List.of(analysis), LocalDate.of(2026, 10, 12));

		AgreementVersion first = agreements.version(kommune, 1).orElseThrow();
		assertThat(first.signed()).isTrue();
		assertThat(first.label()).isEqualTo("Fassung 1");
		assertThat(first.signedOn()).isEqualTo(LocalDate.of(2026, 10, 12));
		assertThat(first.goals()).containsExactly(monitoring);
		assertThat(first.milestones()).containsExactly(analysis);
		assertThat(first.periodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(first.municipalityContacts()).contains("Brigitte Immel");
		assertThat(first.agencyDuties()).contains("begleitet");
		assertThat(agreements.draft(kommune)).isEmpty();
		assertThat(agreements.current(kommune)).map(AgreementVersion::number).contains(1);
	}

	@Test
	void aRevisionMakesVersionTwo_versionOneStaysReadableAndUnchanged_theDiffNamesWhatChanged() {
		Goal monitoring = goal(Goal.HIGH, "Bildungsmonitoring aufbauen");
		Goal participation = goal(Goal.MEDIUM, "Partizipationsstrukturen entwickeln");
		Milestone analysis = milestone("Bedarfsanalyse", LocalDate.of(2027, 2, 28));
		Milestone discourse = milestone("Diskurs", LocalDate.of(2027, 5, 31));
		String kommune = journey.signFirstVersion("TH", List.of(monitoring, participation), List.of(analysis, discourse),
				LocalDate.of(2026, 10, 12));
		AgreementVersion first = agreements.version(kommune, 1).orElseThrow();

		ProcessInstance revision = journey.startRevision(kommune);
		AgreementVersion draft = agreements.openDraft(kommune);
		assertThat(draft.goals()).containsExactlyElementsOf(first.goals());
		Goal counselling = goal(Goal.HIGH, "Bildungsberatung aufbauen");
		Goal higher = new Goal(participation.key(), Goal.HIGH, participation.title(), participation.explanation(),
				participation.measures(), "2027");
		Milestone movedAnalysis = new Milestone(analysis.key(), analysis.title(), analysis.purpose(), analysis.municipalityPart(),
				analysis.agencyPart(), "bis 4/2027", LocalDate.of(2027, 4, 30), false);
		agreements.saveDraftContent(kommune, List.of(higher, counselling), List.of(movedAnalysis), draft.municipalityDuties(),
				"Die Transferagentur begleitet und qualifiziert.");

		// the signed version does not change while the draft does
		assertThat(agreements.version(kommune, 1)).contains(first);

		journey.signRevision(revision, LocalDate.of(2026, 10, 14), "Ziel Bildungsberatung neu, Bedarfsanalyse verschoben");

		List<AgreementVersion> history = agreements.signedVersions(kommune);
		assertThat(history).extracting(AgreementVersion::number).containsExactly(1, 2);
		assertThat(history.get(0)).isEqualTo(first);
		AgreementVersion second = history.get(1);
		assertThat(second.signedOn()).isEqualTo(LocalDate.of(2026, 10, 14));
		assertThat(second.changeSummary()).contains("Bildungsberatung");

		AgreementDiff diff = agreements.diff(first, second);
		assertThat(diff.goalsAdded()).extracting(Goal::title).containsExactly("Bildungsberatung aufbauen");
		assertThat(diff.goalsRemoved()).extracting(Goal::title).containsExactly("Bildungsmonitoring aufbauen");
		assertThat(diff.goalsChanged()).singleElement().satisfies(change -> {
			assertThat(change.after().title()).isEqualTo("Partizipationsstrukturen entwickeln");
			assertThat(change.fields()).containsExactly("Priorität", "Zeitrahmen");
		});
		assertThat(diff.milestonesAdded()).isEmpty();
		assertThat(diff.milestonesRemoved()).extracting(Milestone::title).containsExactly("Diskurs");
		assertThat(diff.milestonesChanged()).singleElement()
			.satisfies(change -> assertThat(change.fields()).containsExactly("Zeitraum", "Frist"));
		assertThat(diff.frameChanged()).containsExactly("Pflichten der Transferagentur");
		assertThat(agreements.diff(first, first).isEmpty()).isTrue();
	}

	@Test
	void aDraftWithoutGoalIsRefused_typedLinesNeverBecomeGoals_theRowsOfTheDraftPageDo() {
		ProcessInstance agreement = journey.startAgreement("NI");
		String kommune = agreement.getBusinessKey();
		String draftTask = scenario.task(agreement, AgreementProcess.Elements.DRAFT).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(draftTask, AgreementForms.draft()))
			.hasRootCauseInstanceOf(FormFieldValidationException.class)
			.rootCause()
			.hasMessageContaining("noch kein Ziel");
		// the old short text of the form is no way in: lines were cut, split at semicolons or lost their priority
		assertThatThrownBy(() -> scenario.tasks().complete(draftTask, AgreementForms.with(AgreementForms.draft(),
				AgreementProcess.Vars.AGREEMENT_GOALS, "1. Bildungsmonitoring aufbauen (Priorität hoch)")))
			.rootCause()
			.hasMessageContaining("noch kein Ziel");
		assertThat(agreements.draft(kommune).map(AgreementVersion::goals).orElse(List.of())).isEmpty();

		agreements.saveDraftContent(kommune, List.of(goal(Goal.HIGH, "Bildungsmonitoring aufbauen")), List.of(), null, null);
		scenario.tasks().complete(draftTask, AgreementForms.draft());

		AgreementVersion draft = agreements.draft(kommune).orElseThrow();
		assertThat(draft.goals()).extracting(Goal::title).containsExactly("Bildungsmonitoring aufbauen");
		assertThat(draft.documentLink()).isEqualTo(AgreementForms.LINK);
	}

	@Test
	void aDraftEditedOnlyAsListGetsAShortTextForReviewAndSigning() {
		ProcessInstance agreement = journey.startAgreement("TH");
		String kommune = agreement.getBusinessKey();
		List<Goal> goals = new ArrayList<>(List.of(goal(Goal.HIGH, "Bildungsleitbild entwickeln")));
		agreements.saveDraftContent(kommune, goals, List.of(milestone("Diskurs", LocalDate.of(2027, 5, 31))), null, null);
		Map<String, Object> form = AgreementForms.draft();

		scenario.complete(agreement, AgreementProcess.Elements.DRAFT, form);

		assertThat(scenario.runtime().getVariable(agreement.getId(), AgreementProcess.Vars.AGREEMENT_GOALS))
			.isEqualTo("1. Bildungsleitbild entwickeln (Priorität hoch), 2026–2027");
		assertThat(scenario.runtime().getVariable(agreement.getId(), AgreementProcess.Vars.AGREEMENT_MILESTONES))
			.isEqualTo("- Diskurs (bis 5/2027), Frist 31.05.2027, offen");
	}

}
