package de.kooperation.maturity;

import java.time.LocalDate;
import java.util.Map;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

/**
 * A Standortbestimmung: one development type per core element, with an optional note each, taken
 * on a day at an occasion (baseline analysis, review meeting).
 */
public record MaturityAssessment(String id, String municipalityId, LocalDate assessedOn, String occasion, String note,
		Map<CoreElement, Rating> ratings) {

	/** The type of one element and what the assessor noted about it. */
	public record Rating(MaturityLevel level, String note) {
	}

	public static final String BASELINE_ANALYSIS = "Bedarfsanalyse";

	public static final String REVIEW_MEETING = "Reviewgespräch";

}
