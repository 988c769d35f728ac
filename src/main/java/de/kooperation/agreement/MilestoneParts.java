package de.kooperation.agreement;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A milestone closed by hand, part by part: each party closes its own part (the Kommune its
 * "Verantwortung Kommune", the agency its "Verantwortung Transferagentur"); when every part the
 * milestone has is closed, the milestone is closed (its reminders stop). The agency may reopen
 * a milestone closed after signing. Every step is logged with who and when (koop_milestone_*, V40).
 */
@Service
public class MilestoneParts {

	public enum Party {
		KOMMUNE("Kommune"), TRANSFERAGENTUR("Transferagentur");

		private final String label;

		Party(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** Whether the milestone gives this party something to do. */
		boolean hasPart(Milestone milestone) {
			String part = this == KOMMUNE ? milestone.municipalityPart() : milestone.agencyPart();
			return part != null && !part.isBlank();
		}

	}

	/** One party's part closed: the day and by whom. */
	public record PartClosure(LocalDate on, String by) {
	}

	/** One line of a milestone's history. */
	public record LogEntry(String itemKey, String action, String by, Instant at) {
	}

	/** What closing a part came to. */
	public enum Outcome {
		PART_CLOSED, MILESTONE_CLOSED, REFUSED
	}

	private final JdbcClient jdbc;

	private final Agreements agreements;

	MilestoneParts(JdbcClient jdbc, Agreements agreements) {
		this.jdbc = jdbc;
		this.agreements = agreements;
	}

	/**
	 * Closes the party's part of an open milestone of the version in force; REFUSED when there
	 * is no such open milestone, the milestone has no part for this party, or it is closed already.
	 */
	@Transactional
	public Outcome closePart(String municipalityId, String key, Party party, String userId) {
		Optional<Milestone> milestone = openMilestone(municipalityId, key);
		if (milestone.isEmpty() || !party.hasPart(milestone.get()) || partClosed(municipalityId, key, party)) {
			return Outcome.REFUSED;
		}
		jdbc.sql("insert into koop_milestone_part (municipality_id, item_key, party, closed_on, closed_by) values (?, ?, ?, ?, ?)")
			.params(municipalityId, key, party.name(), Date.valueOf(Agreements.today()), userId)
			.update();
		log(municipalityId, key, "Teil „" + party.label() + "“ abgeschlossen", userId);
		Map<Party, PartClosure> closed = parts(municipalityId).getOrDefault(key, Map.of());
		boolean allClosed = Arrays.stream(Party.values())
			.filter(each -> each.hasPart(milestone.get()))
			.allMatch(closed::containsKey);
		if (allClosed && agreements.closeMilestone(municipalityId, key, userId)) {
			log(municipalityId, key, "Meilenstein abgeschlossen", userId);
			return Outcome.MILESTONE_CLOSED;
		}
		return Outcome.PART_CLOSED;
	}

	/**
	 * Opens a milestone again that was closed after signing (by parts, by hand or by the task that
	 * fulfils it): its parts are open again and its reminders resume. False if it is not such a one.
	 */
	@Transactional
	public boolean reopen(String municipalityId, String key, String userId) {
		int closures = jdbc.sql("delete from koop_milestone_closure where municipality_id = ? and item_key = ?")
			.params(municipalityId, key)
			.update();
		int parts = jdbc.sql("delete from koop_milestone_part where municipality_id = ? and item_key = ?").params(municipalityId, key).update();
		if (closures + parts == 0) {
			return false;
		}
		log(municipalityId, key, "wieder geöffnet", userId);
		return true;
	}

	/** The parts closed so far, per milestone key. */
	public Map<String, Map<Party, PartClosure>> parts(String municipalityId) {
		Map<String, Map<Party, PartClosure>> parts = new HashMap<>();
		jdbc.sql("select item_key, party, closed_on, closed_by from koop_milestone_part where municipality_id = ?")
			.param(municipalityId)
			.query((rs, row) -> parts.computeIfAbsent(rs.getString(1), key -> new EnumMap<>(Party.class))
				.put(Party.valueOf(rs.getString(2)), new PartClosure(rs.getDate(3).toLocalDate(), rs.getString(4))))
			.list();
		return parts;
	}

	/** The parts closed of every Kommune's milestones, per Kommune and milestone key, in one read. */
	public Map<String, Map<String, Set<Party>>> closedPartsOfAll() {
		Map<String, Map<String, Set<Party>>> closed = new HashMap<>();
		jdbc.sql("select municipality_id, item_key, party from koop_milestone_part")
			.query((rs, row) -> closed.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
				.computeIfAbsent(rs.getString(2), key -> EnumSet.noneOf(Party.class))
				.add(Party.valueOf(rs.getString(3))))
			.list();
		return closed;
	}

	/** Whether this party has closed its part of the milestone (its reminders stop until it is reopened). */
	public boolean partClosed(String municipalityId, String key, Party party) {
		return jdbc.sql("select count(*) from koop_milestone_part where municipality_id = ? and item_key = ? and party = ?")
			.params(municipalityId, key, party.name())
			.query(Long.class)
			.single() > 0;
	}

	/** The history of the Kommune's milestones, oldest first. */
	public List<LogEntry> log(String municipalityId) {
		return new ArrayList<>(jdbc.sql("select item_key, action, done_by, done_at from koop_milestone_log where municipality_id = ? "
				+ "order by id")
			.param(municipalityId)
			.query((rs, row) -> new LogEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list());
	}

	private Optional<Milestone> openMilestone(String municipalityId, String key) {
		return agreements.openMilestone(municipalityId, key).map(Agreements.DueMilestone::milestone);
	}

	private void log(String municipalityId, String key, String action, String userId) {
		jdbc.sql("insert into koop_milestone_log (municipality_id, item_key, action, done_by, done_at) values (?, ?, ?, ?, ?)")
			.params(municipalityId, key, action, userId, Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
			.update();
	}

}
