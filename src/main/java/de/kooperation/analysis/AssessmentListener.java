package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Typed.ASSESSMENT_DATE;
import static de.kooperation.shared.BaselineAnalysisProcess.Typed.ASSESSMENT_NOTE;
import static de.kooperation.shared.BaselineAnalysisProcess.Typed.ASSESSMENT_SUMMARY;
import static de.kooperation.shared.BaselineAnalysisProcess.Typed.assessment;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.CoreElement;
import de.kooperation.maturity.MaturityAssessment;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.shared.MaturityLevel;
import de.kooperation.shared.Zone;

/**
 * After the Standortbestimmung: a readable summary of the profile (one line per core element
 * with its development type and what that type means), for the recommendations, the Kommune's
 * receipt of the report and later forms, and the date the profile was taken. A complete profile
 * is also kept with its date among the Kommune's assessments, for the chart of its development.
 * The server-side form check runs before this listener (a built-in listener of every task with a form,
 * see {@code ServerSideFormValidationPlugin}): a completion it refuses never reaches this one.
 */
@Component("assessmentListener")
class AssessmentListener implements TaskListener {

	private final MaturityAssessments assessments;

	AssessmentListener(MaturityAssessments assessments) {
		this.assessments = assessments;
	}

	@Override
	public void notify(DelegateTask task) {
		StringJoiner summary = new StringJoiner("\n");
		Map<CoreElement, MaturityAssessment.Rating> ratings = new EnumMap<>(CoreElement.class);
		for (CoreElement element : CoreElement.values()) {
			Optional<MaturityLevel> found = assessment(element).from(task).getOptional();
			found.ifPresent(level -> ratings.put(element, new MaturityAssessment.Rating(level, null)));
			summary.add("- **" + element.label() + ":** "
					+ found.map(level -> level.label() + " – " + element.description(level)).orElse("nicht eingeschätzt"));
		}
		ASSESSMENT_SUMMARY.on(task.getExecution()).set(summary.toString());
		ASSESSMENT_DATE.on(task.getExecution()).set(ClockUtil.getCurrentTime());
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(task).orNull();
		if (ratings.size() == CoreElement.values().length && municipalityId != null) {
			assessments.record(municipalityId,
					ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate(),
					MaturityAssessment.BASELINE_ANALYSIS, ASSESSMENT_NOTE.from(task).orNull(), ratings, task.getAssignee(),
					ClockUtil.getCurrentTime().toInstant());
		}
	}

}
