package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Vars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import de.kooperation.form.FormRules;

/**
 * The Sondierungsgespräch is either postponed (only a new date is needed) or held: then the
 * topics and the agreed end of the baseline analysis are required, since the analysis is
 * scheduled by them, and its date cannot be in the future. A form cannot make a field required depending on a checkbox.
 */
@Component("exploratoryMeetingCheck")
class ExploratoryMeetingCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		if (Boolean.TRUE.equals(task.getVariable(EXPLORATORY_MEETING_POSTPONED))) {
			return;
		}
		List<String> missing = new ArrayList<>();
		if (blank(task.getVariable(ANALYSIS_TOPICS))) {
			missing.add("Bitte die eingegrenzten Themen angeben.");
		}
		if (blank(task.getVariable(BASELINE_ANALYSIS_DUE))) {
			missing.add("Bitte angeben, bis wann die Bedarfsanalyse abgeschlossen sein soll.");
		}
		// held, not postponed: its date is a day that has been, as for every date of something done
		LocalDate held = FormRules.toDate(task.getVariable(EXPLORATORY_MEETING_DATE));
		if (held != null && held.isAfter(FormRules.today())) {
			missing.add(FormRules.inTheFuture("Datum des Gesprächs"));
		}
		if (!missing.isEmpty()) {
			throw new FormFieldValidationException("exploratory-meeting", String.join(" ", missing));
		}
	}

	private static boolean blank(Object value) {
		return value == null || value.toString().isBlank();
	}

}
