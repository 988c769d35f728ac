package de.kooperation.municipality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
			.query(MunicipalityRepository::map)
			.optional();
	}

	public List<Municipality> findAll() {
		return jdbc.sql("select id, name, federal_state from koop_municipality order by name")
			.query(MunicipalityRepository::map)
			.list();
	}

	/** The names of the given Kommunen, by id; ids of no registered Kommune are left out. */
	public Map<String, String> namesOf(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		List<String> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
		if (!distinct.isEmpty()) {
			jdbc.sql("select id, name from koop_municipality where id in (:ids)")
				.param("ids", distinct)
				.query((rs, row) -> names.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		return names;
	}

	/*
	 * By column index, not query(Municipality.class): Spring's property mapper first asks the
	 * result set for a column "federalState", and H2 logs that failed lookup as an SQLException
	 * with stack trace to its trace file on every call.
	 */
	private static Municipality map(ResultSet rs, int row) throws SQLException {
		return new Municipality(rs.getString(1), rs.getString(2), rs.getString(3));
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
