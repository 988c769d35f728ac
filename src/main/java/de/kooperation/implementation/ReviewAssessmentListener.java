package de.kooperation.implementation;

import static de.kooperation.shared.ImplementationProcess.Typed.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.CoreElement;
import de.kooperation.maturity.MaturityAssessment;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.shared.Zone;

/**
 * The Standortbestimmung of a review meeting ("Ergebnisse des Reviewgesprächs festhalten").
 * <ul>
 * <li>start of the task: the form is prefilled with the Kommune's latest assessment (baseline
 * analysis or the last review), the note is cleared;</li>
 * <li>completion: a complete profile is kept among the Kommune's assessments, dated the day of
 * the meeting, so the chart of its development gets one more line. The server-side form check
 * runs before (a built-in listener, see {@code ServerSideFormValidationPlugin}): a completion it
 * refuses never reaches this one.</li>
 * </ul>
 */
@Component("reviewAssessmentListener")
class ReviewAssessmentListener implements ExecutionListener, TaskListener {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final MaturityAssessments assessments;

	ReviewAssessmentListener(MaturityAssessments assessments) {
		this.assessments = assessments;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(execution).orNull();
		List<MaturityAssessment> earlier = municipalityId == null ? List.of() : assessments.of(municipalityId);
		Optional<MaturityAssessment> latest = earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
		for (CoreElement element : CoreElement.values()) {
			reviewAssessment(element).on(execution).set(latest.map(assessment -> assessment.ratings().get(element))
				.map(MaturityAssessment.Rating::level)
				.orElse(null));
		}
		REVIEW_ASSESSMENT_NOTE.on(execution).set(null);
		REVIEW_ASSESSMENT_PREVIOUS.on(execution).set(latest
			.map(assessment -> assessment.occasion() + " vom " + DAY.format(assessment.assessedOn()))
			.orElse("noch keine"));
	}

	@Override
	public void notify(DelegateTask task) {
		Map<CoreElement, MaturityAssessment.Rating> ratings = new EnumMap<>(CoreElement.class);
		for (CoreElement element : CoreElement.values()) {
			reviewAssessment(element).from(task).getOptional()
				.ifPresent(level -> ratings.put(element, new MaturityAssessment.Rating(level, null)));
		}
		String municipalityId = CollaborationProcess.Typed.MUNICIPALITY_ID.from(task).orNull();
		if (ratings.size() != CoreElement.values().length || municipalityId == null) {
			return;
		}
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate();
		LocalDate meetingDay = REVIEW_MEETING_DATE.from(task).orElse(today);
		ProcessVariable.Value<String> note = REVIEW_ASSESSMENT_NOTE.from(task);
		assessments.record(municipalityId, meetingDay, MaturityAssessment.REVIEW_MEETING,
				note.isBlank() ? null : note.get().trim(), ratings, recorder(task),
				ClockUtil.getCurrentTime().toInstant());
	}

	private static String recorder(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
	}

}
