package de.kooperation.municipality;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MunicipalityRepository {

	private final JdbcClient jdbc;

	MunicipalityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Municipality> findById(String id) {
		return jdbc.sql("select id, name, federal_state from koop_municipality where id = ?")
			.param(id)
			.query(Municipality.class)
			.optional();
	}

	public List<Municipality> findAll() {
		return jdbc.sql("select id, name, federal_state from koop_municipality order by name")
			.query(Municipality.class)
			.list();
	}

	/** Inserts or updates, so demo data and tests may register the same Kommune twice. */
	public void save(Municipality municipality) {
		int updated = jdbc.sql("update koop_municipality set name = ?, federal_state = ? where id = ?")
			.params(municipality.name(), municipality.federalState(), municipality.id())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into koop_municipality (id, name, federal_state) values (?, ?, ?)")
				.params(municipality.id(), municipality.name(), municipality.federalState())
				.update();
		}
	}

}
