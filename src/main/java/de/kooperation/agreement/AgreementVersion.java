package de.kooperation.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a Kommune's Zielvereinbarung: the draft (number null, not signed) or a signed,
 * frozen version. Everything the agreement holds besides its fixed clauses (data protection,
 * reporting duty, costs, termination), which are the same for every Kommune.
 */
public record AgreementVersion(String id, String municipalityId, Integer number, boolean signed, LocalDate signedOn,
		String documentLink, LocalDate periodStart, LocalDate periodEnd, String municipalityContacts, String agencyContacts,
		String municipalityDuties, String agencyDuties, String changeSummary, Instant createdAt, List<Goal> goals,
		List<Milestone> milestones) {

	/** "Fassung 2" or "Entwurf". */
	public String label() {
		return signed ? "Fassung " + number : "Entwurf";
	}

}
