package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess.Elements;
import de.kooperation.shared.BaselineAnalysisProcess.Vars;
import de.kooperation.shared.CoreElement;
import de.kooperation.maturity.MaturityAssessment;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.shared.MaturityLevel;
import de.kooperation.shared.BaselineAnalysisProcess;

/** The Standortbestimmung of the baseline analysis is kept, with its date, among the Kommune's assessments. */
@ProcessTest
class AssessmentRecordTests {

	@Autowired
	Scenario scenario;

	@Autowired
	MaturityAssessments assessments;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(ZonedDateTime.of(2026, 2, 10, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant());

	@Test
	void theCompletedAssessmentIsRecordedWithItsDateAndNote() {
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "TH", Map.of());
		scenario.advance(analysis, Elements.ASSESS_POSITION, Map.of());
		String kommune = analysis.getBusinessKey();
		assertThat(assessments.of(kommune)).isEmpty();

		Map<String, Object> form = new HashMap<>();
		for (CoreElement element : CoreElement.values()) {
			form.put(Vars.assessment(element), element == CoreElement.DATA_BASIS ? "3" : "2");
		}
		form.put(Vars.ASSESSMENT_NOTE, "Gute Datenlage, wenig Abstimmung");
		scenario.complete(analysis, Elements.ASSESS_POSITION, form);

		List<MaturityAssessment> recorded = assessments.of(kommune);
		assertThat(recorded).singleElement().satisfies(assessment -> {
			assertThat(assessment.assessedOn()).isEqualTo(LocalDate.of(2026, 2, 10));
			assertThat(assessment.occasion()).isEqualTo(MaturityAssessment.BASELINE_ANALYSIS);
			assertThat(assessment.note()).isEqualTo("Gute Datenlage, wenig Abstimmung");
			assertThat(assessment.ratings()).hasSize(9);
			assertThat(assessment.ratings().get(CoreElement.DATA_BASIS).level()).isEqualTo(MaturityLevel.TYPE_3);
			assertThat(assessment.ratings().get(CoreElement.STEERING).level()).isEqualTo(MaturityLevel.TYPE_2);
		});
	}

}
