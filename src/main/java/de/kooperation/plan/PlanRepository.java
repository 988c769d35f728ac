package de.kooperation.plan;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables koop_plan* (V50). */
@Repository
class PlanRepository {

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Years(int first, int last) {
	}

	Optional<Years> years(String municipalityId) {
		return jdbc.sql("select first_year, last_year from koop_plan where municipality_id = ?")
			.param(municipalityId)
			.query((rs, row) -> new Years(rs.getInt(1), rs.getInt(2)))
			.optional();
	}

	void insertPlan(String municipalityId, int firstYear, int lastYear, Instant now) {
		jdbc.sql("insert into koop_plan (municipality_id, first_year, last_year, created_at) values (?, ?, ?, ?)")
			.params(municipalityId, firstYear, lastYear, Timestamp.from(now))
			.update();
	}

	void updateYears(String municipalityId, int firstYear, int lastYear) {
		jdbc.sql("update koop_plan set first_year = ?, last_year = ? where municipality_id = ?")
			.params(firstYear, lastYear, municipalityId)
			.update();
	}

	List<FieldOfAction> fields(String municipalityId) {
		Map<String, List<PlanPeriod>> periods = new LinkedHashMap<>();
		jdbc.sql("select p.activity_id, p.plan_year, p.period_text, p.starts_on, p.ends_on, p.open_ended from koop_plan_period p "
				+ "join koop_plan_activity a on a.id = p.activity_id join koop_plan_field f on f.id = a.field_id "
				+ "where f.municipality_id = ? order by p.plan_year")
			.param(municipalityId)
			.query(rs -> {
				periods.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
					.add(new PlanPeriod(rs.getInt(2), rs.getString(3), local(rs.getDate(4)), local(rs.getDate(5)), rs.getBoolean(6)));
			});
		Map<String, List<Activity>> activities = new LinkedHashMap<>();
		jdbc.sql("select a.id, a.field_id, a.position, a.title, a.responsible, a.status, a.goal_key from koop_plan_activity a "
				+ "join koop_plan_field f on f.id = a.field_id where f.municipality_id = ? order by a.position")
			.param(municipalityId)
			.query(rs -> {
				String id = rs.getString(1);
				activities.computeIfAbsent(rs.getString(2), key -> new ArrayList<>())
					.add(new Activity(id, rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
							PlanStatus.valueOf(rs.getString(6)), rs.getString(7), List.copyOf(periods.getOrDefault(id, List.of()))));
			});
		return jdbc.sql("select id, position, title from koop_plan_field where municipality_id = ? order by position")
			.param(municipalityId)
			.query((rs, row) -> new FieldOfAction(rs.getString(1), rs.getInt(2), rs.getString(3),
					List.copyOf(activities.getOrDefault(rs.getString(1), List.of()))))
			.list();
	}

	String insertField(String municipalityId, int position, String title) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into koop_plan_field (id, municipality_id, position, title) values (?, ?, ?, ?)")
			.params(id, municipalityId, position, title)
			.update();
		return id;
	}

	String insertActivity(String fieldId, int position, String title, String responsible, PlanStatus status, String goalKey) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into koop_plan_activity (id, field_id, position, title, responsible, status, goal_key) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, fieldId, position, title, responsible, status.name(), goalKey)
			.update();
		return id;
	}

	void updateActivity(String id, String fieldId, int position, String title, String responsible, PlanStatus status, String goalKey) {
		jdbc.sql("update koop_plan_activity set field_id = ?, position = ?, title = ?, responsible = ?, status = ?, goal_key = ? where id = ?")
			.params(fieldId, position, title, responsible, status.name(), goalKey, id)
			.update();
	}

	void replacePeriods(String activityId, List<PlanPeriod> periods) {
		jdbc.sql("delete from koop_plan_period where activity_id = ?").param(activityId).update();
		for (PlanPeriod period : periods) {
			jdbc.sql("insert into koop_plan_period (activity_id, plan_year, period_text, starts_on, ends_on, open_ended) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(activityId, period.year(), period.text(), date(period.start()), date(period.end()), period.openEnded())
				.update();
		}
	}

	static final String CHANGE = "CHANGE";

	static final String COMMENT = "COMMENT";

	void insertChange(String municipalityId, Instant at, String by, String activityTitle, String summary) {
		insertEntry(municipalityId, CHANGE, at, by, activityTitle, summary);
	}

	void insertEntry(String municipalityId, String kind, Instant at, String by, String activityTitle, String summary) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from koop_plan_change where municipality_id = ?")
			.param(municipalityId)
			.query(Integer.class)
			.single();
		jdbc.sql("insert into koop_plan_change (id, municipality_id, number, kind, changed_at, changed_by, activity_title, summary) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), municipalityId, number, kind, Timestamp.from(at), by, activityTitle, summary)
			.update();
	}

	/** Since when the Kommune has its activities' ends reminded of; empty while off. */
	Optional<Instant> remindersSince(String municipalityId) {
		return jdbc.sql("select since from koop_plan_reminders where municipality_id = ?")
			.param(municipalityId)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/** Every plan whose reminders are on: Kommune → since when. */
	Map<String, Instant> plansWithReminders() {
		Map<String, Instant> plans = new LinkedHashMap<>();
		jdbc.sql("select r.municipality_id, r.since from koop_plan_reminders r join koop_plan p on p.municipality_id = r.municipality_id "
				+ "order by r.municipality_id")
			.query(rs -> {
				plans.put(rs.getString(1), rs.getTimestamp(2).toInstant());
			});
		return plans;
	}

	/** On since {@code since}, or off (null). */
	void setRemindersSince(String municipalityId, Instant since) {
		jdbc.sql("delete from koop_plan_reminders where municipality_id = ?").param(municipalityId).update();
		if (since != null) {
			jdbc.sql("insert into koop_plan_reminders (municipality_id, since) values (?, ?)")
				.params(municipalityId, Timestamp.from(since))
				.update();
		}
	}

	int deleteComments(String municipalityId, Instant before) {
		return jdbc.sql("delete from koop_plan_change where municipality_id = ? and kind = ? and changed_at < ?")
			.params(municipalityId, COMMENT, Timestamp.from(before))
			.update();
	}

	int anonymiseChanges(String municipalityId, Instant before, String nobody) {
		return jdbc.sql("update koop_plan_change set changed_by = ? where municipality_id = ? and changed_at < ? and changed_by <> ?")
			.params(nobody, municipalityId, Timestamp.from(before), nobody)
			.update();
	}

	List<PlanChange> changes(String municipalityId, Instant since) {
		return jdbc.sql("select changed_at, changed_by, activity_title, summary, kind from koop_plan_change "
				+ "where municipality_id = ? and changed_at >= ? order by number desc")
			.params(municipalityId, Timestamp.from(since))
			.query((rs, row) -> new PlanChange(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
					COMMENT.equals(rs.getString(5))))
			.list();
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private static LocalDate local(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
