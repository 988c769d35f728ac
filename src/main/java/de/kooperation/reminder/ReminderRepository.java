package de.kooperation.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders decided on, and the mails that went out. A reminder goes PENDING, then SENDING (claimed
 * by one run, with the claim's time), then SENT or OBSOLETE. The claim and the record of a sent mail
 * commit in transactions of their own, not in the job's: a second run of the same job sees the claim
 * at once, and a job that rolls back after its mail left cannot take the record of that mail with it.
 */
@Repository
class ReminderRepository {

	static final String PENDING = "PENDING";

	static final String SENDING = "SENDING";

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

	private final TransactionTemplate ownTransaction;

	ReminderRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

	/** The kinds of reminder already sent about a subject for this deadline, in the order they were sent. */
	List<String> sentKinds(String subjectId, Instant dueAt) {
		return jdbc.sql("select kind from koop_reminder where subject_id = ? and due_at = ? and status = ? order by sent_at")
			.params(subjectId, Timestamp.from(dueAt), SENT)
			.query(String.class)
			.list();
	}

	Optional<Reminder> find(String id) {
		return jdbc.sql("select id, subject_type, subject_id, kind, due_at, municipality_id, status from koop_reminder where id = ?")
			.param(id)
			.query((rs, row) -> new Reminder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
			.optional();
	}

	/** The status as committed now (not as the job's transaction saw it when it began). */
	String status(String id) {
		return ownTransaction.execute(tx -> jdbc.sql("select status from koop_reminder where id = ?").param(id)
			.query(String.class).optional().orElse(OBSOLETE));
	}

	/**
	 * Claims a pending reminder for this run, or one whose claim is older than {@code staleBefore}
	 * (its run died while sending); committed before the mail is sent. False: another run has it,
	 * or it is done.
	 */
	boolean claim(String id, Instant now, Instant staleBefore) {
		return ownTransaction.execute(tx -> jdbc.sql("update koop_reminder set status = ?, claimed_at = ? where id = ?"
				+ " and (status = ? or (status = ? and claimed_at < ?))")
			.params(SENDING, Timestamp.from(now), id, PENDING, SENDING, Timestamp.from(staleBefore))
			.update()) == 1;
	}

	/** Gives a claim back after a failed attempt, so the job's retry can claim it again. */
	void release(String id) {
		ownTransaction.executeWithoutResult(tx -> jdbc.sql("update koop_reminder set status = ?, claimed_at = null where id = ? and status = ?")
			.params(PENDING, id, SENDING)
			.update());
	}

	/** The mail left: the reminder is sent and the mail in the outbox, in one commit of its own. */
	/** The reminder (if the mail is one) is sent, and the mail is in the outbox with its text and invitation. */
	void recordSent(String id, Instant at, List<String> recipients, String subject, String kind, String municipalityId, String text,
			String calendar, String calendarMethod) {
		ownTransaction.executeWithoutResult(tx -> {
			if (id != null) {
				jdbc.sql("update koop_reminder set status = ?, sent_at = ? where id = ?").params(SENT, Timestamp.from(at), id).update();
			}
			logMail(id, at, recipients, subject, kind, municipalityId, text, calendar, calendarMethod);
		});
	}

	void markObsolete(String id) {
		ownTransaction.executeWithoutResult(tx -> jdbc.sql("update koop_reminder set status = ? where id = ?").params(OBSOLETE, id).update());
	}

	private void logMail(String reminderId, Instant at, List<String> recipients, String subject, String kind, String municipalityId,
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

	private static SentMail sentMail(ResultSet rs) throws SQLException {
		return new SentMail(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6));
	}

}
