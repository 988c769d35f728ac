package de.kooperation.reminder;

import static de.kooperation.shared.CollaborationProcess.Typed.MUNICIPALITY_ID;
import static de.kooperation.shared.CollaborationProcess.Typed.MUNICIPALITY_NAME;
import static de.kooperation.shared.CollaborationProcess.Typed.TRANSFER_MANAGER;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kooperation.shared.MeetingKind;
import de.kooperation.shared.ProcessVariable;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.Zone;

/**
 * Meeting invitations, called from a task's complete listener in BPMN with the {@link MeetingKind}:
 * {@code ${meetingInvitations.invite(task, 'EXPLORATORY_MEETING')}}.
 * Reads the kind's date field (yyyy-MM-dd), time field (HH:mm, default 10:00) and location field.
 * The first call sends an invitation; a call with another date, time
 * or place sends an update (same UID, higher SEQUENCE); a call with the same data sends nothing.
 */
@Component("meetingInvitations")
public class MeetingInvitations {

	static final String SUBJECT_MEETING = "MEETING";

	static final String KIND_PREFIX = "INVITATION_";

	/** Kind of a meeting's cancellation mail, followed by its SEQUENCE. */
	static final String CANCEL_PREFIX = "CANCEL_";

	/** Suffix of an interview's meeting UID after its task's id (the data protection cleanup finds it so). */
	public static final String INTERVIEW_UID_SUFFIX = ".interview@kooperation";

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	record StoredMeeting(String uid, int sequence, ZonedDateTime start, int durationMinutes, String summary, String location,
			List<String> attendees, String municipalityId) {
	}

	private final JdbcClient jdbc;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	private final ReminderRepository reminders;

	MeetingInvitations(JdbcClient jdbc, IdentityService identityService, RuntimeService runtimeService,
			ReminderRepository reminders) {
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.reminders = reminders;
	}

	/**
	 * Invites to the meeting of the given {@link MeetingKind} that the task has planned. A single
	 * meeting of the process is updated by a later call with another date; in a recurring series each
	 * planning task is a meeting of its own.
	 */
	public void invite(DelegateTask task, String kindName) {
		MeetingKind kind = MeetingKind.valueOf(kindName);
		String uid = (kind.recurring() ? task.getId() : task.getProcessInstanceId()) + "." + kind.key() + "@kooperation";
		LocalDate day = kind.date().from(task).orNull();
		if (day == null) {
			throw new FormFieldValidationException(kind.key(), "Bitte das Datum des Termins angeben.");
		}
		LocalTime time = time(kind.time().from(task).orNull());
		Set<String> attendees = attendees(kind.municipalityGroup().from(task).orNull(), kind.agencyGroup());
		attendees.addAll(transferManager(task));
		schedule(task, uid, day.atTime(time).atZone(ZONE), kind.location().from(task).orNull(), kind.title(), attendees);
	}

	/**
	 * An expert interview on the day the Kommune agreed: invitation to the expert (an address
	 * outside the engine's users) and the agency team; an update when the day, time or place changes.
	 */
	public void inviteInterview(DelegateTask task, String expertName, String expertEmail, ZonedDateTime start, String location) {
		inviteInterview(task, task.getId() + INTERVIEW_UID_SUFFIX, expertName, expertEmail, start, location);
	}

	/**
	 * The same for an interview whose calendar entry has the given UID (its first task's id and
	 * {@link #INTERVIEW_UID_SUFFIX}): a moved interview keeps its entry and gets an update.
	 */
	public void inviteInterview(DelegateTask task, String uid, String expertName, String expertEmail, ZonedDateTime start,
			String location) {
		Set<String> attendees = new LinkedHashSet<>();
		if (expertEmail != null && !expertEmail.isBlank()) {
			attendees.add(expertEmail);
		}
		attendees.addAll(attendees(PartyGroups.AGENCY_TEAM, null));
		attendees.addAll(transferManager(task));
		schedule(task, uid, start, location, "Experteninterview mit " + expertName, attendees);
	}

	/**
	 * Stores the meeting of the task's Kommune (its name after the title) and has its invitation
	 * (or update) sent; nothing when nothing changed.
	 */
	private void schedule(DelegateTask task, String uid, ZonedDateTime start, String location, String title,
			Set<String> attendees) {
		String municipalityName = MUNICIPALITY_NAME.from(task).orNull();
		String summary = title + (municipalityName == null ? "" : " – " + municipalityName);
		String municipality = MUNICIPALITY_ID.from(task).orNull();
		Optional<StoredMeeting> existing = find(uid);
		if (existing.isPresent() && isCancelled(uid)) {
			// its collaboration ended: the cancellation was the last word
			return;
		}
		int sequence;
		if (existing.isEmpty()) {
			sequence = 0;
			jdbc.sql("insert into koop_meeting (uid, sequence_number, starts_at, duration_min, summary, location, attendees, municipality_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(uid, sequence, Timestamp.from(start.toInstant()), 120, summary, location, String.join(",", attendees), municipality)
				.update();
		}
		else if (!existing.get().start().toInstant().equals(start.toInstant())
				|| !Objects.equals(existing.get().location(), location)) {
			sequence = existing.get().sequence() + 1;
			jdbc.sql("update koop_meeting set sequence_number = ?, starts_at = ?, location = ? where uid = ?")
				.params(sequence, Timestamp.from(start.toInstant()), location, uid)
				.update();
		}
		else {
			return;
		}
		if (start.toInstant().isBefore(ClockUtil.getCurrentTime().toInstant())) {
			// a meeting recorded after the fact needs no invitation
			return;
		}
		String id = reminders.schedule(SUBJECT_MEETING, uid, KIND_PREFIX + sequence, start.toInstant(), municipality,
				ClockUtil.getCurrentTime().toInstant());
		runtimeService.startProcessInstanceByKey(ReminderProcess.KEY, Map.of(ReminderProcess.VAR_REMINDER_ID, id));
	}

	/**
	 * The Kommune's meetings still to come will not take place (its collaboration ended): each is
	 * marked cancelled with its SEQUENCE raised, so an invitation not yet sent is dropped; whoever
	 * was already invited gets the cancellation (METHOD:CANCEL, same UID) as a mail job of its own.
	 * Returns how many meetings were cancelled; a second call finds none.
	 */
	public int cancelFutureMeetings(String municipalityId) {
		if (municipalityId == null) {
			return 0;
		}
		Instant now = ClockUtil.getCurrentTime().toInstant();
		List<String> uids = jdbc.sql("select uid from koop_meeting where municipality_id = ? and starts_at > ? and cancelled_at is null")
			.params(municipalityId, Timestamp.from(now))
			.query(String.class)
			.list();
		for (String uid : uids) {
			StoredMeeting meeting = find(uid).orElseThrow();
			int sequence = meeting.sequence() + 1;
			jdbc.sql("update koop_meeting set sequence_number = ?, cancelled_at = ? where uid = ?")
				.params(sequence, Timestamp.from(now), uid)
				.update();
			boolean invited = jdbc.sql("select count(*) from koop_reminder where subject_type = ? and subject_id = ? and status = ?")
				.params(SUBJECT_MEETING, uid, ReminderRepository.SENT)
				.query(Integer.class)
				.single() > 0;
			if (invited) {
				String id = reminders.schedule(SUBJECT_MEETING, uid, CANCEL_PREFIX + sequence, meeting.start().toInstant(),
						meeting.municipalityId(), now);
				runtimeService.startProcessInstanceByKey(ReminderProcess.CANCELLATION_KEY,
						Map.of(ReminderProcess.VAR_REMINDER_ID, id));
			}
		}
		return uids.size();
	}

	/** Whether the meeting was cancelled (its collaboration ended before it). */
	boolean isCancelled(String uid) {
		return jdbc.sql("select count(*) from koop_meeting where uid = ? and cancelled_at is not null")
			.param(uid)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<StoredMeeting> find(String uid) {
		return jdbc.sql("select uid, sequence_number, starts_at, duration_min, summary, location, attendees, municipality_id from koop_meeting where uid = ?")
			.param(uid)
			.query((rs, row) -> new StoredMeeting(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant().atZone(ZONE),
					rs.getInt(4), rs.getString(5), rs.getString(6), List.of(rs.getString(7).split(",")), rs.getString(8)))
			.optional();
	}

	/** The members of the groups plus the user who planned the meeting, with mail addresses. */
	private Set<String> attendees(String group, String otherGroup) {
		Set<String> addresses = new LinkedHashSet<>();
		for (String g : new String[] { group, otherGroup }) {
			if (g != null && !g.isBlank()) {
				identityService.createUserQuery().memberOfGroup(g).list().stream().map(User::getEmail)
					.filter(mail -> mail != null && !mail.isBlank()).forEach(addresses::add);
			}
		}
		Authentication planner = identityService.getCurrentAuthentication();
		if (planner != null) {
			User user = identityService.createUserQuery().userId(planner.getUserId()).singleResult();
			if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
				addresses.add(user.getEmail());
			}
		}
		return addresses;
	}

	/**
	 * The collaboration's transfer manager takes part in every meeting, whoever planned it (a
	 * review meeting planned by the Kommune would otherwise reach the Kommune only).
	 */
	private Set<String> transferManager(DelegateTask task) {
		ProcessVariable.Value<String> id = TRANSFER_MANAGER.from(task);
		if (id.isBlank()) {
			return Set.of();
		}
		User user = identityService.createUserQuery().userId(id.get()).singleResult();
		return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Set.of() : Set.of(user.getEmail());
	}

	private static LocalTime time(String value) {
		if (value == null || value.isBlank()) {
			return LocalTime.of(10, 0);
		}
		try {
			return LocalTime.parse(value.length() > 5 ? value.substring(0, 5) : value);
		}
		catch (DateTimeParseException e) {
			throw new FormFieldValidationException("time", "Bitte die Uhrzeit als hh:mm angeben (z. B. 14:30).");
		}
	}

}
