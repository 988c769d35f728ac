package de.kooperation.agreement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

	private static final String MILESTONE_COLUMNS = "m.item_key, m.title, m.purpose, m.municipality_part, m.agency_part, m.period, "
			+ "m.due_on, m.status, m.fulfilled_by";

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

	/**
	 * The milestones of every Kommune's version in force, as signed (closures not applied), in
	 * plan order: one query, whatever the number of Kommunen.
	 */
	Map<String, List<Milestone>> currentMilestonesOfAll() {
		Map<String, List<Milestone>> byMunicipality = new HashMap<>();
		jdbc.sql("select v.municipality_id, " + MILESTONE_COLUMNS + " from koop_agreement_version v "
				+ "join koop_agreement_milestone m on m.version_id = v.id where v.status = ? and v.version_number = "
				+ "(select max(version_number) from koop_agreement_version w where w.municipality_id = v.municipality_id and w.status = ?) "
				+ "order by v.municipality_id, m.position")
			.params(SIGNED, SIGNED)
			.query((rs, row) -> byMunicipality.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(milestone(rs, 2)))
			.list();
		return byMunicipality;
	}

	/** Every Kommune's signed versions without their goals and milestones, oldest first: one query. */
	Map<String, List<AgreementVersion>> signedWithoutItemsOfAll() {
		Map<String, List<AgreementVersion>> byMunicipality = new HashMap<>();
		jdbc.sql("select " + VERSION_COLUMNS + " from koop_agreement_version where status = ? order by municipality_id, version_number")
			.param(SIGNED)
			.query(this::version)
			.list()
			.forEach(version -> byMunicipality.computeIfAbsent(version.municipalityId(), id -> new ArrayList<>()).add(version));
		return byMunicipality;
	}

	/** Every Kommune's milestones closed after signing, with the day: one query. */
	Map<String, Map<String, LocalDate>> closuresOfAll() {
		Map<String, Map<String, LocalDate>> byMunicipality = new HashMap<>();
		jdbc.sql("select municipality_id, item_key, closed_on from koop_milestone_closure")
			.query((rs, row) -> byMunicipality.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
				.put(rs.getString(2), rs.getDate(3).toLocalDate()))
			.list();
		return byMunicipality;
	}

	private AgreementVersion withItems(AgreementVersion version) {
		List<Goal> goals = jdbc.sql("select item_key, priority, title, explanation, measures, time_frame from koop_agreement_goal "
				+ "where version_id = ? order by position")
			.param(version.id())
			.query((rs, row) -> new Goal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6)))
			.list();
		List<Milestone> milestones = jdbc.sql("select " + MILESTONE_COLUMNS + " from koop_agreement_milestone m where m.version_id = ? "
				+ "order by m.position")
			.param(version.id())
			.query((rs, row) -> milestone(rs, 1))
			.list();
		return new AgreementVersion(version.id(), version.municipalityId(), version.number(), version.signed(), version.signedOn(),
				version.documentLink(), version.periodStart(), version.periodEnd(), version.municipalityContacts(),
				version.agencyContacts(), version.municipalityDuties(), version.agencyDuties(), version.changeSummary(),
				version.createdAt(), goals, milestones);
	}

	/** A milestone from {@link #MILESTONE_COLUMNS}, starting at column {@code first}. */
	private static Milestone milestone(ResultSet rs, int first) throws SQLException {
		return new Milestone(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
				rs.getString(first + 4), rs.getString(first + 5), localDate(rs.getDate(first + 6)),
				"CLOSED".equals(rs.getString(first + 7)), rs.getString(first + 8));
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
