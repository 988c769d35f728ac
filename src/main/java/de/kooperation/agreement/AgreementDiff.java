package de.kooperation.agreement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed from one version of a Zielvereinbarung to another: goals and milestones added,
 * removed and changed (matched by their key), and the changed fields of the agreement itself.
 */
public record AgreementDiff(List<Goal> goalsAdded, List<Goal> goalsRemoved, List<Change<Goal>> goalsChanged,
		List<Milestone> milestonesAdded, List<Milestone> milestonesRemoved, List<Change<Milestone>> milestonesChanged,
		List<String> frameChanged, List<FieldChange> frameChanges) {

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	/** One item in both versions, with the German names of the fields that differ and their values. */
	public record Change<T>(T before, T after, List<String> fields, List<FieldChange> values) {
	}

	/** One field's value before and after, as a reader sees it ("–" for nothing, dates TT.MM.JJJJ). */
	public record FieldChange(String field, String before, String after) {

		/** "Frist: 31.03.2027 → 30.06.2027". */
		public String text() {
			return field + ": " + before + " → " + after;
		}

	}

	public boolean isEmpty() {
		return goalsAdded.isEmpty() && goalsRemoved.isEmpty() && goalsChanged.isEmpty() && milestonesAdded.isEmpty()
				&& milestonesRemoved.isEmpty() && milestonesChanged.isEmpty() && frameChanged.isEmpty();
	}

	static AgreementDiff between(AgreementVersion before, AgreementVersion after) {
		Map<String, Function<Goal, Object>> goalFields = new LinkedHashMap<>();
		goalFields.put("Priorität", Goal::priority);
		goalFields.put("Ziel", Goal::title);
		goalFields.put("Erläuterung", Goal::explanation);
		goalFields.put("Erste Maßnahmen", Goal::measures);
		goalFields.put("Zeitrahmen", Goal::timeFrame);
		Map<String, Function<Milestone, Object>> milestoneFields = new LinkedHashMap<>();
		milestoneFields.put("Meilenstein", Milestone::title);
		milestoneFields.put("Zweck", Milestone::purpose);
		milestoneFields.put("Verantwortung Kommune", Milestone::municipalityPart);
		milestoneFields.put("Verantwortung Transferagentur", Milestone::agencyPart);
		milestoneFields.put("Zeitraum", Milestone::period);
		milestoneFields.put("Frist", Milestone::dueOn);
		milestoneFields.put("Status", Milestone::statusLabel);
		milestoneFields.put("Erfüllt durch", Milestone::fulfilmentLabel);

		List<FieldChange> frame = new ArrayList<>();
		compare(frame, "Zeitrahmen von", day(before.periodStart()), day(after.periodStart()));
		compare(frame, "Zeitrahmen bis", day(before.periodEnd()), day(after.periodEnd()));
		compare(frame, "Ansprechpartner/innen der Kommune", before.municipalityContacts(), after.municipalityContacts());
		compare(frame, "Ansprechpartner/innen der Transferagentur", before.agencyContacts(), after.agencyContacts());
		compare(frame, "Pflichten der Kommune", before.municipalityDuties(), after.municipalityDuties());
		compare(frame, "Pflichten der Transferagentur", before.agencyDuties(), after.agencyDuties());
		compare(frame, "Dokument", before.documentLink(), after.documentLink());

		return new AgreementDiff(added(before.goals(), after.goals(), Goal::key), added(after.goals(), before.goals(), Goal::key),
				changed(before.goals(), after.goals(), Goal::key, goalFields),
				added(before.milestones(), after.milestones(), Milestone::key),
				added(after.milestones(), before.milestones(), Milestone::key),
				changed(before.milestones(), after.milestones(), Milestone::key, milestoneFields),
				frame.stream().map(FieldChange::field).toList(), frame);
	}

	/** Items of {@code to} whose key is not in {@code from}. */
	private static <T> List<T> added(List<T> from, List<T> to, Function<T, String> key) {
		List<String> known = from.stream().map(key).toList();
		return to.stream().filter(item -> !known.contains(key.apply(item))).toList();
	}

	private static <T> List<Change<T>> changed(List<T> before, List<T> after, Function<T, String> key,
			Map<String, Function<T, Object>> fields) {
		List<Change<T>> changes = new ArrayList<>();
		for (T old : before) {
			for (T now : after) {
				if (key.apply(old).equals(key.apply(now))) {
					List<FieldChange> differing = fields.entrySet().stream()
						.filter(field -> !Objects.equals(blankToNull(field.getValue().apply(old)), blankToNull(field.getValue().apply(now))))
						.map(field -> new FieldChange(field.getKey(), shown(field.getValue().apply(old)), shown(field.getValue().apply(now))))
						.toList();
					if (!differing.isEmpty()) {
						changes.add(new Change<>(old, now, differing.stream().map(FieldChange::field).toList(), differing));
					}
				}
			}
		}
		return changes;
	}

	private static void compare(List<FieldChange> changes, String label, String before, String after) {
		if (!Objects.equals(blankToNull(before), blankToNull(after))) {
			changes.add(new FieldChange(label, shown(before), shown(after)));
		}
	}

	private static String shown(Object value) {
		Object present = blankToNull(value);
		if (present == null) {
			return "–";
		}
		return present instanceof LocalDate date ? GERMAN.format(date) : present.toString();
	}

	private static Object blankToNull(Object value) {
		return value instanceof String text && text.isBlank() ? null : value;
	}

	private static String day(LocalDate day) {
		return day == null ? null : GERMAN.format(day);
	}

}
