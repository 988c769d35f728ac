package de.kooperation.agreement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables koop_agreement_* and koop_milestone_closure (V10, V11). */
@Repository
class AgreementRepository {

	static final String DRAFT = "DRAFT";

	static final String SIGNED = "SIGNED";

	private static final String VERSION_COLUMNS = "id, municipality_id, version_number, status, signed_on, document_link, "
			+ "period_start, period_end, municipality_contacts, agency_contacts, municipality_duties, agency_duties, "
			+ "change_summary, created_at";

	private final JdbcClient jdbc;

	AgreementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AgreementVersion> draft(String municipalityId) {
		return jdbc.sql("select " + VERSION_COLUMNS + " from koop_agreement_version where municipality_id = ? and status = ?")
			.params(municipalityId, DRAFT)
			.query(this::version)
			.optional()
			.map(this::withItems);
	}

	List<AgreementVersion> signed(String municipalityId) {
		return jdbc.sql("select " + VERSION_COLUMNS + " from koop_agreement_version where municipality_id = ? and status = ? "
				+ "order by version_number")
			.params(municipalityId, SIGNED)
			.query(this::version)
			.list()
			.stream()
			.map(this::withItems)
			.toList();
	}

	/** The latest signed version of every Kommune that has one. */
	List<AgreementVersion> currentOfAll() {
		return jdbc.sql("select " + VERSION_COLUMNS + " from koop_agreement_version v where status = ? and version_number = "
				+ "(select max(version_number) from koop_agreement_version w where w.municipality_id = v.municipality_id and w.status = ?)")
			.params(SIGNED, SIGNED)
			.query(this::version)
			.list()
			.stream()
			.map(this::withItems)
			.toList();
	}

	/** Inserts a new draft with the content of {@code from} (its id, number and signing are ignored). */
	String insertDraft(String municipalityId, AgreementVersion from, Instant now) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into koop_agreement_version (id, municipality_id, version_number, status, document_link, period_start, "
				+ "period_end, municipality_contacts, agency_contacts, municipality_duties, agency_duties, change_summary, created_at) "
				+ "values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)")
			.params(id, municipalityId, DRAFT, from.documentLink(), date(from.periodStart()), date(from.periodEnd()),
					from.municipalityContacts(), from.agencyContacts(), from.municipalityDuties(), from.agencyDuties(),
					Timestamp.from(now))
			.update();
		replaceItems(id, from.goals(), from.milestones());
		return id;
	}

	void updateFrame(String versionId, String documentLink, LocalDate periodStart, LocalDate periodEnd, String municipalityContacts,
			String agencyContacts) {
		jdbc.sql("update koop_agreement_version set document_link = ?, period_start = ?, period_end = ?, municipality_contacts = ?, "
				+ "agency_contacts = ? where id = ? and status = ?")
			.params(documentLink, date(periodStart), date(periodEnd), municipalityContacts, agencyContacts, versionId, DRAFT)
			.update();
	}

	void updateDuties(String versionId, String municipalityDuties, String agencyDuties) {
		jdbc.sql("update koop_agreement_version set municipality_duties = ?, agency_duties = ? where id = ? and status = ?")
			.params(municipalityDuties, agencyDuties, versionId, DRAFT)
			.update();
	}

	/** Freezes the draft: from now on it is version {@code number}, signed on {@code signedOn}. */
	void sign(String versionId, int number, LocalDate signedOn, String changeSummary) {
		jdbc.sql("update koop_agreement_version set status = ?, version_number = ?, signed_on = ?, change_summary = ? "
				+ "where id = ? and status = ?")
			.params(SIGNED, number, date(signedOn), changeSummary, versionId, DRAFT)
			.update();
	}

	void replaceItems(String versionId, List<Goal> goals, List<Milestone> milestones) {
		jdbc.sql("delete from koop_agreement_goal where version_id = ?").param(versionId).update();
		jdbc.sql("delete from koop_agreement_milestone where version_id = ?").param(versionId).update();
		int position = 0;
		for (Goal goal : goals) {
			jdbc.sql("insert into koop_agreement_goal (id, version_id, position, item_key, priority, title, explanation, measures, "
					+ "time_frame) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(UUID.randomUUID().toString(), versionId, position++, goal.key(), goal.priority(), goal.title(),
						goal.explanation(), goal.measures(), goal.timeFrame())
				.update();
		}
		position = 0;
		for (Milestone milestone : milestones) {
			jdbc.sql("insert into koop_agreement_milestone (id, version_id, position, item_key, title, purpose, municipality_part, "
					+ "agency_part, period, due_on, status, fulfilled_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(UUID.randomUUID().toString(), versionId, position++, milestone.key(), milestone.title(), milestone.purpose(),
						milestone.municipalityPart(), milestone.agencyPart(), milestone.period(), date(milestone.dueOn()),
						milestone.closed() ? "CLOSED" : "OPEN", milestone.fulfilledBy())
				.update();
		}
	}

	/** Keys of milestones closed after signing, with the day they were closed. */
	Map<String, LocalDate> closures(String municipalityId) {
		Map<String, LocalDate> closed = new HashMap<>();
		jdbc.sql("select item_key, closed_on from koop_milestone_closure where municipality_id = ?")
			.param(municipalityId)
			.query((rs, row) -> closed.put(rs.getString(1), rs.getDate(2).toLocalDate()))
			.list();
		return closed;
	}

	boolean close(String municipalityId, String key, LocalDate on, String userId) {
		if (closures(municipalityId).containsKey(key)) {
			return false;
		}
		jdbc.sql("insert into koop_milestone_closure (municipality_id, item_key, closed_on, closed_by) values (?, ?, ?, ?)")
			.params(municipalityId, key, date(on), userId)
			.update();
		return true;
	}

	private AgreementVersion withItems(AgreementVersion version) {
		List<Goal> goals = jdbc.sql("select item_key, priority, title, explanation, measures, time_frame from koop_agreement_goal "
				+ "where version_id = ? order by position")
			.param(version.id())
			.query((rs, row) -> new Goal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6)))
			.list();
		List<Milestone> milestones = jdbc.sql("select item_key, title, purpose, municipality_part, agency_part, period, due_on, status, "
				+ "fulfilled_by from koop_agreement_milestone where version_id = ? order by position")
			.param(version.id())
			.query((rs, row) -> new Milestone(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), localDate(rs.getDate(7)), "CLOSED".equals(rs.getString(8)), rs.getString(9)))
			.list();
		return new AgreementVersion(version.id(), version.municipalityId(), version.number(), version.signed(), version.signedOn(),
				version.documentLink(), version.periodStart(), version.periodEnd(), version.municipalityContacts(),
				version.agencyContacts(), version.municipalityDuties(), version.agencyDuties(), version.changeSummary(),
				version.createdAt(), goals, milestones);
	}

	private AgreementVersion version(ResultSet rs, int row) throws SQLException {
		int number = rs.getInt(3);
		return new AgreementVersion(rs.getString(1), rs.getString(2), rs.wasNull() ? null : number, SIGNED.equals(rs.getString(4)),
				localDate(rs.getDate(5)), rs.getString(6), localDate(rs.getDate(7)), localDate(rs.getDate(8)), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(), List.of(),
				List.of());
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
