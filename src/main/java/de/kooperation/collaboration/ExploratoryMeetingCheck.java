package de.kooperation.collaboration;

import static de.kooperation.shared.CollaborationProcess.Typed.*;

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
		if (EXPLORATORY_MEETING_POSTPONED.from(task).orElse(false)) {
			return;
		}
		List<String> missing = new ArrayList<>();
		if (ANALYSIS_TOPICS.from(task).isBlank()) {
			missing.add("Bitte die eingegrenzten Themen angeben.");
		}
		if (BASELINE_ANALYSIS_DUE.from(task).isBlank()) {
			missing.add("Bitte angeben, bis wann die Bedarfsanalyse abgeschlossen sein soll.");
		}
		// held, not postponed: its date is a day that has been, as for every date of something done
		LocalDate held = EXPLORATORY_MEETING_DATE.from(task).orNull();
		if (held != null && held.isAfter(FormRules.today())) {
			missing.add(FormRules.inTheFuture("Datum des Gesprächs"));
		}
		if (!missing.isEmpty()) {
			throw new FormFieldValidationException("exploratory-meeting", String.join(" ", missing));
		}
	}

}
