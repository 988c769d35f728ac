package de.kooperation.collaboration;

import java.sql.Timestamp;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.kooperation.municipality.Municipality;

/**
 * At most one running collaboration per Kommune, enforced by a primary key in the engine's own
 * transaction (a check-then-start would let two concurrent starts through).
 */
@Repository
class RunningCollaborations {

	private final JdbcClient jdbc;

	RunningCollaborations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void register(Municipality municipality, String processInstanceId) {
		try {
			jdbc.sql("insert into koop_running_collaboration (municipality_id, process_instance_id, started_at) values (?, ?, ?)")
				.params(municipality.id(), processInstanceId, new Timestamp(ClockUtil.getCurrentTime().getTime()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new BadUserRequestException(
					"Für " + municipality.name() + " läuft bereits eine Kooperation; eine zweite wird nicht gestartet.");
		}
	}

	void release(String processInstanceId) {
		jdbc.sql("delete from koop_running_collaboration where process_instance_id = ?")
			.param(processInstanceId)
			.update();
	}

}
