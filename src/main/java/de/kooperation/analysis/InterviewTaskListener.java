package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Typed.*;

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

import de.kooperation.reminder.MeetingInvitations;
import de.kooperation.shared.BaselineAnalysisProcess.Forms;
import de.kooperation.shared.ProcessVariable;
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
		ExpertList.Expert expert = expert(task);
		DelegateExecution interview = task.getExecution();
		task.setName(task.getName() + ": " + expert.name());
		// a new round after a postponement: the interview keeps its calendar entry, the new day was sent
		boolean again = INTERVIEW_MEETING_UID.fromLocal(interview).orNull() != null;
		INTERVIEW_POSTPONED.on(interview).setLocal(false);
		INTERVIEW_NEW_DATE.on(interview).setLocal(null);
		INTERVIEW_NEW_TIME.on(interview).setLocal(null);
		INTERVIEW_NEW_LOCATION.on(interview).setLocal(null);
		if (again) {
			return;
		}
		String uid = task.getId() + MeetingInvitations.INTERVIEW_UID_SUFFIX;
		INTERVIEW_MEETING_UID.on(interview).setLocal(uid);
		EXPERT_NAME.on(interview).setLocal(expert.name());
		EXPERT_ROLE.on(interview).setLocal(expert.role());
		EXPERT_EMAIL.on(interview).setLocal(expert.email().isEmpty() ? "nicht angegeben" : expert.email());
		INTERVIEW_DATE.on(interview).setLocal(null);
		INTERVIEW_NOTES.on(interview).setLocal(null);
		// the day the Kommune agreed with the expert: the expert and the agency team get an invitation
		Optional<InterviewSchedule.Slot> slot = InterviewSchedule.of(INTERVIEW_SCHEDULE.from(task).orNull(), expert.name());
		INTERVIEW_APPOINTMENT.on(interview).setLocal(slot.map(InterviewTaskListener::appointment).orElse("Termin folgt"));
		slot.ifPresent(agreed -> invitations.inviteInterview(task, uid, expert.name(), expert.email(), agreed.start(), agreed.location()));
	}

	private void completed(DelegateTask task) {
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(Zone.ID)).toLocalDate();
		if (INTERVIEW_POSTPONED.from(task).orElse(false)) {
			postponed(task, today);
			return;
		}
		LocalDate date = INTERVIEW_DATE.from(task).orNull();
		ProcessVariable.Value<String> notes = INTERVIEW_NOTES.from(task);
		List<String> missing = new ArrayList<>();
		if (date == null) {
			missing.add("Bitte „Datum des Interviews“ ausfüllen.");
		}
		if (notes.isBlank()) {
			missing.add("Bitte „Notizen oder Link zu den Notizen“ ausfüllen.");
		}
		if (!missing.isEmpty()) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, missing);
		}
		if (date.isAfter(today)) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW,
					List.of("Das Datum des Interviews liegt in der Zukunft – bitte erst nach dem Interview abschließen."));
		}
		ExpertList.Expert expert = expert(task);
		// in the app's table, not in a variable of the process: the Kommune's tasks would show it
		records.add(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(),
				new InterviewRecords.Interview(expert.name(), expert.role(), expert.email(), date, notes.get()),
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
		LocalDate day = INTERVIEW_NEW_DATE.from(task).orNull();
		if (day == null) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, List.of("Bitte den neuen Termin des Interviews angeben."));
		}
		if (day.isBefore(today)) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, List.of("Der neue Termin des Interviews liegt in der Vergangenheit."));
		}
		ProcessVariable.Value<String> time = INTERVIEW_NEW_TIME.from(task);
		LocalTime at;
		try {
			at = time.isBlank() ? LocalTime.of(10, 0) : LocalTime.parse(time.get());
		}
		catch (DateTimeParseException e) {
			throw Refusals.refuse(task, Forms.CONDUCT_INTERVIEW, List.of("Bitte die neue Uhrzeit als hh:mm angeben (z. B. 14:30)."));
		}
		ProcessVariable.Value<String> place = INTERVIEW_NEW_LOCATION.from(task);
		ExpertList.Expert expert = expert(task);
		InterviewSchedule.Slot moved = new InterviewSchedule.Slot(day.atTime(at).atZone(ZoneId.of(Zone.ID)),
				place.isBlank() ? null : place.get());
		invitations.inviteInterview(task, INTERVIEW_MEETING_UID.from(task).get(), expert.name(), expert.email(), moved.start(),
				moved.location());
		INTERVIEW_APPOINTMENT.on(task.getExecution()).setLocal(appointment(moved));
	}

	/** The interview's expert: its element of the list the interviews run over. */
	private static ExpertList.Expert expert(DelegateTask task) {
		return ExpertList.Expert.fromVariable(EXPERT.from(task).orNull());
	}

}
