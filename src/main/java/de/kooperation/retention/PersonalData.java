package de.kooperation.retention;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.*;

import java.util.List;

import de.kooperation.shared.BaselineAnalysisProcess;

/**
 * What counts as personal data of interviewees, and the kinds of data the deletion log names.
 * The baseline analysis collects it (names, functions, e-mail addresses, appointments, interview
 * notes); its variables are passed on to the parent and from there into later called processes,
 * so they are deleted by name in the whole tree of a collaboration.
 */
final class PersonalData {

	/** Process variables holding interviewees' data or interview notes. */
	static final List<String> INTERVIEW_VARIABLES = List.of(EXPERT_PROPOSAL, EXPERT_SELECTION, EXPERTS, INTERVIEW_SCHEDULE,
			INTERVIEWS, EXPERT, EXPERT_NAME, EXPERT_ROLE, EXPERT_EMAIL, INTERVIEW_DATE, INTERVIEW_NOTES, INTERVIEW_APPOINTMENT);

	/** The called process whose whole history goes: its interview tasks are named after the interviewees. */
	static final String ANALYSIS_PROCESS = BaselineAnalysisProcess.KEY;

	/** Who did something, once that may no longer be said (plan history, milestone log). */
	static final String ERASED_PERSON = "(gelöscht)";

	private PersonalData() {
	}

	/** A kind of deleted data, with the label the admin reads. */
	enum Kind {

		INTERVIEW_VARIABLES("Interviewpartner/innen und Interviewnotizen (Prozessvariablen der Historie und Interviewprotokolle)"),
		ANALYSIS_HISTORY("Verlauf der Bedarfsanalyse (Interviewaufgaben mit Namen)"),
		REMINDERS("Erinnerungen, Einladungen zu Interviews und Postausgang zu Aufgaben der Bedarfsanalyse"),
		PLAN_HISTORY("Zeitplan der Kommune: Kommentare gelöscht, Namen im Verlauf der Änderungen entfernt"),
		MILESTONE_LOG("Meilensteine: Namen entfernt, wer abgeschlossen oder wieder geöffnet hat");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

		static String labelOf(String name) {
			for (Kind kind : values()) {
				if (kind.name().equals(name)) {
					return kind.label;
				}
			}
			return name;
		}

	}

}
