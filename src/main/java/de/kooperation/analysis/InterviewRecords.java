package de.kooperation.analysis;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agency's record of each interview of a baseline analysis (table {@code koop_interview}): the
 * expert, the day and the agency's notes. Not a process variable: every task's candidates read the
 * variables of its process, and the Kommune's later tasks would show the agency's notes about its
 * own colleagues. The data protection cleanup deletes the records with the analysis' history.
 */
@Repository
public class InterviewRecords {

	/** One interview as recorded when its task was completed. */
	public record Interview(String expertName, String expertRole, String expertEmail, LocalDate date, String notes) {
	}

	private final JdbcClient jdbc;

	InterviewRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String analysisInstanceId, String municipalityId, Interview interview, Instant recordedAt) {
		jdbc.sql("insert into koop_interview (id, process_instance_id, municipality_id, expert_name, expert_role, expert_email, "
				+ "interview_date, notes, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), analysisInstanceId, municipalityId, interview.expertName(), interview.expertRole(),
					interview.expertEmail(), interview.date() == null ? null : Date.valueOf(interview.date()), interview.notes(),
					Timestamp.from(recordedAt))
			.update();
	}

	/** The interviews of one baseline analysis, in the order they were recorded. */
	public List<Interview> of(String analysisInstanceId) {
		return jdbc.sql("select expert_name, expert_role, expert_email, interview_date, notes from koop_interview "
				+ "where process_instance_id = ? order by recorded_at, id")
			.param(analysisInstanceId)
			.query((rs, row) -> new Interview(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5)))
			.list();
	}

	/** Deletes the interviews of these baseline analyses; returns how many. */
	public int deleteOf(List<String> analysisInstanceIds) {
		if (analysisInstanceIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("delete from koop_interview where process_instance_id in (:ids)").param("ids", analysisInstanceIds).update();
	}

}
