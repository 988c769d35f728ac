package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Vars.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.kooperation.form.FormRules;
import de.kooperation.reminder.MeetingInvitations;
import de.kooperation.shared.BaselineAnalysisProcess.Forms;
import de.kooperation.shared.Zone;

/**
 * One interview task per chosen expert (multi-instance over {@code baselineAnalysisExperts}).
 * On create: the task is named after its expert and the expert's details become local variables
 * for the form; date and notes are declared locally so parallel interviews never overwrite each
 * other; when the Kommune's schedule gives the expert's date, the invitation goes out. On
 * complete: the interview is recorded in the app's table ({@link InterviewRecords}), out of the Kommune's reach;
 * or, when it was postponed, the invitation is updated to the new day and the task comes again.
 */
@Component("interviewTaskListener")
class InterviewTaskListener implements TaskListener {

	private final MeetingInvitations invitations;

	private final InterviewRecords records;

	InterviewTaskListener(MeetingInvitations invitations, InterviewRecords records) {
		this.invitations = invitations;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			created(task);
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			completed(task);
		}
	}

	private void created(DelegateTask task) {
		ExpertList.Expert expert = ExpertList.Expert.fromVariable(task.getVariable(EXPERT));
		DelegateExecution interview = task.getExecution();
		task.setName(task.getName() + ": " + expert.name());
		// a new round after a postponement: the interview keeps its calendar entry, the new day was sent
		boolean again = interview.getVariableLocal(INTERVIEW_MEETING_UID) != null;
		interview.setVariableLocal(INTERVIEW_POSTPONED, false);
		interview.setVariableLocal(INTERVIEW_NEW_DATE, null);
		interview.setVariableLocal(INTERVIEW_NEW_TIME, null);
		interview.setVariableLocal(INTERVIEW_NEW_LOCATION, null);
		if (again) {
			return;
		}
		String uid = task.getId() + MeetingInvitations.INTERVIEW_UID_SUFFIX;
		interview.setVariableLocal(INTERVIEW_MEETING_UID, uid);
		interview.setVariableLocal(EXPERT_NAME, expert.name());
		interview.setVariableLocal(EXPERT_ROLE, expert.role());
		interview.setVariableLocal(EXPERT_EMAIL, expert.email().isEmpty() ? "nicht angegeben" : expert.email());
		interview.setVariableLocal(INTERVIEW_DATE, null);
		interview.setVariableLocal(INTERVIEW_NOTES, null);
		// the day the Kommune agreed with the expert: the expert and the agency team get an invitation
		Optional<InterviewSchedule.Slot> slot = InterviewSchedule.of(task.getVariable(INTERVIEW_SCHEDULE), expert.name());
		interview.setVariableLocal(INTERVIEW_APPOINTMENT, slot.map(InterviewTaskListener::appointment).orElse("Termin folgt"));
		slot.ifPresent(agreed -> invitations.inviteInterview(task, uid, expert.name(), expert.email(), agreed.start(), agreed.location()));
	}

	private void completed(DelegateTask task) {
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate();
		if (Boolean.TRUE.equals(task.getVariable(INTERVIEW_POSTPONED))) {
			postponed(task, today);
			return;
		}
		LocalDate date = FormRules.toDate(task.getVariable(INTERVIEW_DATE));
		Object notes = task.getVariable(INTERVIEW_NOTES);
		List<String> missing = new ArrayList<>();
		if (date == null) {
			missing.add("Bitte „Datum des Interviews“ ausfüllen.");
		}
		if (notes == null || notes.toString().isBlank()) {
			missing.add("Bitte „Notizen oder Link zu den Notizen“ ausfüllen.");
		}
		if (!missing.isEmpty()) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, missing);
		}
		if (date.isAfter(today)) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW,
					List.of("Das Datum des Interviews liegt in der Zukunft – bitte erst nach dem Interview abschließen."));
		}
		ExpertList.Expert expert = ExpertList.Expert.fromVariable(task.getVariable(EXPERT));
		// in the app's table, not in a variable of the process: the Kommune's tasks would show it
		records.add(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(),
				new InterviewRecords.Interview(expert.name(), expert.role(), expert.email(), date, notes == null ? "" : notes.toString()),
				ClockUtil.getCurrentTime().toInstant());
	}

	/** "15.01.2027, 09:00 Uhr, Rathaus" for the agency's form. */
	private static String appointment(InterviewSchedule.Slot slot) {
		return slot.start().format(DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'"))
				+ (slot.location() == null ? "" : ", " + slot.location());
	}

	/**
	 * The interview moved to another day: the expert and the agency get an update of the
	 * invitation (same UID, higher SEQUENCE), or a first one if no day was agreed before; the
	 * interview task comes again for the new day.
	 */
	private void postponed(DelegateTask task, LocalDate today) {
		LocalDate day = FormRules.toDate(task.getVariable(INTERVIEW_NEW_DATE));
		if (day == null) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, List.of("Bitte den neuen Termin des Interviews angeben."));
		}
		if (day.isBefore(today)) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, List.of("Der neue Termin des Interviews liegt in der Vergangenheit."));
		}
		Object time = task.getVariable(INTERVIEW_NEW_TIME);
		LocalTime at;
		try {
			at = time == null || time.toString().isBlank() ? LocalTime.of(10, 0) : LocalTime.parse(time.toString());
		}
		catch (DateTimeParseException e) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, List.of("Bitte die neue Uhrzeit als hh:mm angeben (z. B. 14:30)."));
		}
		Object place = task.getVariable(INTERVIEW_NEW_LOCATION);
		ExpertList.Expert expert = ExpertList.Expert.fromVariable(task.getVariable(EXPERT));
		InterviewSchedule.Slot moved = new InterviewSchedule.Slot(day.atTime(at).atZone(ZoneId.of(Zone.ID)),
				place == null || place.toString().isBlank() ? null : place.toString());
		invitations.inviteInterview(task, task.getVariable(INTERVIEW_MEETING_UID).toString(), expert.name(), expert.email(), moved.start(),
				moved.location());
		task.getExecution().setVariableLocal(INTERVIEW_APPOINTMENT, appointment(moved));
	}

}
