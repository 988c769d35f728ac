package de.kooperation.maturity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

/** Standortbestimmungen of each Kommune, kept with their date (tables koop_maturity_*, V10). */
@Repository
public class MaturityAssessments {

	private final JdbcClient jdbc;

	MaturityAssessments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a complete assessment (all nine elements); returns its id. */
	@Transactional
	public String record(String municipalityId, LocalDate assessedOn, String occasion, String note,
			Map<CoreElement, MaturityAssessment.Rating> ratings, String userId, Instant now) {
		if (ratings.size() != CoreElement.values().length) {
			throw new IllegalArgumentException("Eine Standortbestimmung ordnet jedem der neun Kernelemente einen Typ zu.");
		}
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into koop_maturity_assessment (id, municipality_id, assessed_on, occasion, note, recorded_at, recorded_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, municipalityId, Date.valueOf(assessedOn), occasion, note, Timestamp.from(now), userId)
			.update();
		ratings.forEach((element, rating) -> jdbc
			.sql("insert into koop_maturity_rating (assessment_id, element_id, level, note) values (?, ?, ?, ?)")
			.params(id, element.id(), rating.level().value(), rating.note())
			.update());
		return id;
	}

	/** All assessments of a Kommune, oldest first. */
	public List<MaturityAssessment> of(String municipalityId) {
		List<MaturityAssessment> assessments = jdbc.sql("select id, municipality_id, assessed_on, occasion, note "
				+ "from koop_maturity_assessment where municipality_id = ? order by assessed_on, recorded_at")
			.param(municipalityId)
			.query((rs, row) -> new MaturityAssessment(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
					rs.getString(5), new EnumMap<>(CoreElement.class)))
			.list();
		for (MaturityAssessment assessment : assessments) {
			jdbc.sql("select element_id, level, note from koop_maturity_rating where assessment_id = ?")
				.param(assessment.id())
				.query((rs, row) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getString(3) })
				.list()
				.forEach(rating -> CoreElement.byId((String) rating[0])
					.ifPresent(element -> assessment.ratings().put(element,
							new MaturityAssessment.Rating(MaturityLevel.of(rating[1]).orElseThrow(), (String) rating[2]))));
		}
		return assessments;
	}

}
