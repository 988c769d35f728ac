package de.kooperation.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deletion log (koop_deletion_log): which collaboration, what kind of data, how many, when. */
@Repository
class DeletionLog {

	record Entry(String municipalityId, String processInstanceId, Instant endedAt, String kind, int itemCount, Instant deletedAt) {
	}

	private final JdbcClient jdbc;

	DeletionLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Entry entry) {
		jdbc.sql("insert into koop_deletion_log (id, municipality_id, process_instance_id, ended_at, kind, item_count, deleted_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), entry.municipalityId(), entry.processInstanceId(), Timestamp.from(entry.endedAt()),
					entry.kind(), entry.itemCount(), Timestamp.from(entry.deletedAt()))
			.update();
	}

	/** Collaborations (process instance ids) whose personal data is deleted already. */
	Set<String> erasedCollaborations() {
		return new HashSet<>(jdbc.sql("select distinct process_instance_id from koop_deletion_log").query(String.class).list());
	}

	List<Entry> latest(int limit) {
		return jdbc.sql("select municipality_id, process_instance_id, ended_at, kind, item_count, deleted_at from koop_deletion_log order by deleted_at desc, municipality_id, kind limit ?")
			.param(limit)
			.query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getInt(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

}
