package de.kooperation.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reminders decided on, and the mails that went out. */
@Repository
class ReminderRepository {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String OBSOLETE = "OBSOLETE";

	record Reminder(String id, String subjectType, String subjectId, String kind, Instant dueAt, String municipalityId,
			String status) {
	}

	record SentMail(String id, Instant sentAt, String recipients, String subject, String kind, String municipalityId) {
	}

	/** A sent mail as the outbox opens it; text and calendar are null for mails sent before they were kept. */
	record OpenedMail(SentMail mail, String text, String calendar, String calendarMethod) {
	}

	private final JdbcClient jdbc;

	ReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String subjectType, String subjectId, String kind, Instant dueAt) {
		return jdbc.sql("select count(*) from koop_reminder where subject_type = ? and subject_id = ? and kind = ? and due_at = ?")
			.params(subjectType, subjectId, kind, Timestamp.from(dueAt))
			.query(Integer.class)
			.single() > 0;
	}

	String schedule(String subjectType, String subjectId, String kind, Instant dueAt, String municipalityId, Instant now) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into koop_reminder (id, subject_type, subject_id, kind, due_at, municipality_id, scheduled_at, status) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, subjectType, subjectId, kind, Timestamp.from(dueAt), municipalityId, Timestamp.from(now), PENDING)
			.update();
		return id;
	}

	Optional<Reminder> find(String id) {
		return jdbc.sql("select id, subject_type, subject_id, kind, due_at, municipality_id, status from koop_reminder where id = ?")
			.param(id)
			.query((rs, row) -> new Reminder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
			.optional();
	}

	void markSent(String id, Instant at) {
		jdbc.sql("update koop_reminder set status = ?, sent_at = ? where id = ?").params(SENT, Timestamp.from(at), id).update();
	}

	void markObsolete(String id) {
		jdbc.sql("update koop_reminder set status = ? where id = ?").params(OBSOLETE, id).update();
	}

	void logMail(String reminderId, Instant at, List<String> recipients, String subject, String kind, String municipalityId,
			String text, String calendar, String calendarMethod) {
		String to = String.join(", ", recipients);
		jdbc.sql("insert into koop_mail_log (id, reminder_id, sent_at, recipients, subject, kind, municipality_id, text_body, calendar, calendar_method) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), reminderId, Timestamp.from(at), to.length() > 4000 ? to.substring(0, 3997) + "…" : to,
					subject.length() > 1000 ? subject.substring(0, 999) : subject, kind, municipalityId, text, calendar, calendarMethod)
			.update();
	}

	List<SentMail> latestMails(int limit) {
		return jdbc.sql("select id, sent_at, recipients, subject, kind, municipality_id from koop_mail_log order by sent_at desc limit ?")
			.param(limit)
			.query((rs, row) -> sentMail(rs))
			.list();
	}

	Optional<OpenedMail> mail(String id) {
		return jdbc.sql("select id, sent_at, recipients, subject, kind, municipality_id, text_body, calendar, calendar_method from koop_mail_log where id = ?")
			.param(id)
			.query((rs, row) -> new OpenedMail(sentMail(rs), rs.getString(7), rs.getString(8), rs.getString(9)))
			.optional();
	}

	private static SentMail sentMail(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SentMail(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6));
	}

}
