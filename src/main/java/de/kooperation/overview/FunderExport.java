package de.kooperation.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Milestone;

/**
 * What the funder's agency (Projektträger) is owed per Kommune (Berichtspflicht): phase, the
 * dates of signing and of every revision, and the milestones reached; every Kommune at once. The
 * per-Kommune half is {@link FunderReport}, with the same phase (both from {@link CollaborationFacts}).
 */
@Component
class FunderExport {

	record Revision(int version, LocalDate signedOn, String changes) {
	}

	record Reached(String milestone, LocalDate closedOn) {
	}

	record Row(String municipalityId, String municipality, String federalState, String phase, LocalDate signedOn,
			List<Revision> revisions, int milestones, List<Reached> milestonesReached) {
	}

	private final CollaborationFacts facts;

	private final Agreements agreements;

	FunderExport(CollaborationFacts facts, Agreements agreements) {
		this.facts = facts;
		this.agreements = agreements;
	}

	/** Every Kommune's row, from a few queries over all Kommunen (none per Kommune). */
	List<Row> rows() {
		Map<String, List<AgreementVersion>> signings = agreements.signingsOfAll();
		Map<String, Map<String, LocalDate>> closures = agreements.closuresOfAll();
		Map<String, List<Milestone>> plans = agreements.currentMilestonesOfAll();
		List<Row> rows = new ArrayList<>();
		for (CollaborationFacts.Summary summary : facts.all()) {
			String id = summary.municipality().id();
			List<AgreementVersion> versions = signings.getOrDefault(id, List.of());
			Map<String, LocalDate> closed = closures.getOrDefault(id, Map.of());
			List<Milestone> plan = plans.getOrDefault(id, List.of());
			rows.add(new Row(id, summary.municipality().name(), summary.municipality().federalState(), summary.phase(),
					versions.isEmpty() ? null : versions.get(0).signedOn(),
					versions.stream().skip(1).map(v -> new Revision(v.number(), v.signedOn(), v.changeSummary())).toList(), plan.size(),
					plan.stream().filter(Milestone::closed).map(m -> new Reached(m.title(), closed.get(m.key()))).toList()));
		}
		return rows;
	}

	/** Semicolon-separated with a header, as German spreadsheets open it; UTF-8 with byte order mark. */
	String csv() {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("Kommune-ID;Kommune;Bundesland;Phase;Unterzeichnet am;Fortschreibungen;Meilensteine;Erreichte Meilensteine\r\n");
		for (Row row : rows()) {
			csv.append(String.join(";", cell(row.municipalityId()), cell(row.municipality()), cell(row.federalState()), cell(row.phase()),
					cell(row.signedOn() == null ? "" : row.signedOn().toString()),
					cell(row.revisions().stream().map(r -> "Fassung " + r.version() + ": " + r.signedOn()).collect(Collectors.joining(", "))),
					cell(Integer.toString(row.milestones())),
					cell(row.milestonesReached().stream()
						.map(r -> r.milestone() + (r.closedOn() == null ? "" : " (" + r.closedOn() + ")"))
						.collect(Collectors.joining(", ")))))
				.append("\r\n");
		}
		return csv.toString();
	}

	private static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text; // no formulas from user input in a spreadsheet
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
