package de.kooperation.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import de.kooperation.shared.Zone;


/**
 * The Kommune's own plans: read, edited activity by activity, imported from a spreadsheet. Every
 * change is recorded with who and when; a change with a mistake stores nothing.
 */
@Service
public class Plans {

	static final int TITLE_MAX = 4000;

	static final int FIELD_MAX = 500;

	static final int RESPONSIBLE_MAX = 500;

	static final int PERIOD_MAX = 1000;

	/** Choosing this instead of a field's id creates a new field of action. */
	public static final String NEW_FIELD = "neu";

	private final PlanRepository repository;

	Plans(PlanRepository repository) {
		this.repository = repository;
	}

	/** What a user typed into the activity form. {@code periods}: text per year column. */
	public record ActivityInput(String fieldId, String newField, String title, String responsible, String status, String goalKey,
			Map<Integer, String> periods) {
	}

	/** The plan, or an empty one over this year and the next two where the Kommune has none yet. */
	public Plan of(String municipalityId) {
		Optional<PlanRepository.Years> years = repository.years(municipalityId);
		if (years.isEmpty()) {
			int year = today().getYear();
			return new Plan(municipalityId, year, year + 2, List.of());
		}
		return new Plan(municipalityId, years.get().first(), years.get().last(), repository.fields(municipalityId));
	}

	/**
	 * Saves a new activity ({@code activityId} null) or changes one. Returns the mistakes by form
	 * field (German); nothing is stored when there is one.
	 *
	 * @param goalKeys the goals of the agreement in force an activity may serve
	 */
	@Transactional
	public Map<String, String> save(String municipalityId, String activityId, ActivityInput input, Collection<String> goalKeys,
			String userId) {
		Plan plan = of(municipalityId);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Activity> before = activityId == null ? Optional.empty() : plan.activity(activityId);
		if (activityId != null && before.isEmpty()) {
			errors.put("form", "Diese Maßnahme gibt es im Plan nicht (mehr).");
			return errors;
		}
		String title = text(input.title(), "title", "Beschreibung der Maßnahme", TITLE_MAX, errors);
		if (title == null && !errors.containsKey("title")) {
			errors.put("title", "Bitte beschreiben Sie die Maßnahme.");
		}
		String responsible = text(input.responsible(), "responsible", "Verantwortlich", RESPONSIBLE_MAX, errors);
		Optional<PlanStatus> status = PlanStatus.of(input.status());
		if (status.isEmpty()) {
			errors.put("status", "Bitte wählen Sie einen Status: geplant, läuft, erledigt oder verschoben.");
		}
		String goalKey = blank(input.goalKey()) ? null : input.goalKey().strip();
		if (goalKey != null && !goalKeys.contains(goalKey)) {
			errors.put("goalKey", "Dieses Ziel steht nicht in der geltenden Zielvereinbarung.");
		}
		String newField = null;
		String fieldId = blank(input.fieldId()) ? null : input.fieldId();
		if (NEW_FIELD.equals(fieldId)) {
			newField = text(input.newField(), "newField", "Neues Handlungsfeld", FIELD_MAX, errors);
			if (newField == null && !errors.containsKey("newField")) {
				errors.put("newField", "Bitte nennen Sie das neue Handlungsfeld.");
			}
		}
		else if (fieldId == null) {
			errors.put("fieldId", "Bitte wählen Sie ein Handlungsfeld oder legen Sie ein neues an.");
		}
		else if (plan.field(fieldId).isEmpty()) {
			errors.put("fieldId", "Dieses Handlungsfeld gibt es im Plan nicht.");
		}
		List<PlanPeriod> periods = new ArrayList<>();
		for (int year : plan.years()) {
			String name = "period" + year;
			String written = text(input.periods().get(year), name, "Zeitraum " + year, PERIOD_MAX, errors);
			if (written != null) {
				PlanPeriod period = PeriodReader.read(written, year, plan.projectEnd());
				if (period.end() != null && period.end().isBefore(period.start())) {
					errors.put(name, "Zeitraum " + year + ": Das Ende liegt vor dem Beginn.");
				}
				periods.add(period);
			}
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		Instant now = now();
		ensurePlan(municipalityId, plan, now);
		String targetField = newField != null ? repository.insertField(municipalityId, plan.fields().size() + 1, newField) : fieldId;
		if (before.isEmpty()) {
			int position = plan.field(targetField).map(field -> field.activities().size() + 1).orElse(1);
			String id = repository.insertActivity(targetField, position, title, responsible, status.get(), goalKey);
			repository.replacePeriods(id, periods);
			repository.insertChange(municipalityId, now, userId, title, "Maßnahme angelegt (" + status.get().label() + ")");
			return errors;
		}
		Activity old = before.get();
		int position = targetField.equals(old.fieldId()) ? old.position()
				: plan.field(targetField).map(field -> field.activities().size() + 1).orElse(1);
		repository.updateActivity(old.id(), targetField, position, title, responsible, status.get(), goalKey);
		repository.replacePeriods(old.id(), periods);
		String summary = describe(plan, old, targetField, newField, title, responsible, status.get(), goalKey, periods);
		if (!summary.isEmpty()) {
			repository.insertChange(municipalityId, now, userId, title, summary);
		}
		return errors;
	}

	/** Adds what an import read to the plan (its years widened where the import's are wider). */
	@Transactional
	public int importPlan(String municipalityId, PlanImport.Result result, String userId, String source) {
		Plan plan = of(municipalityId);
		Instant now = now();
		if (repository.years(municipalityId).isEmpty()) {
			repository.insertPlan(municipalityId, result.firstYear(), result.lastYear(), now);
			plan = new Plan(municipalityId, result.firstYear(), result.lastYear(), List.of());
		}
		else if (result.firstYear() < plan.firstYear() || result.lastYear() > plan.lastYear()) {
			repository.updateYears(municipalityId, Math.min(plan.firstYear(), result.firstYear()), Math.max(plan.lastYear(), result.lastYear()));
		}
		int fieldPosition = plan.fields().size();
		int activities = 0;
		for (PlanImport.ImportedField field : result.fields()) {
			String fieldId = repository.insertField(municipalityId, ++fieldPosition, field.title());
			int position = 0;
			for (PlanImport.ImportedActivity activity : field.activities()) {
				String id = repository.insertActivity(fieldId, ++position, activity.title(), null, activity.status(), null);
				repository.replacePeriods(id, activity.periods());
				activities++;
			}
		}
		repository.insertChange(municipalityId, now, userId, null, "Import aus „" + source + "“: "
				+ count(result.fields().size(), "Handlungsfeld", "Handlungsfelder") + ", " + count(activities, "Maßnahme", "Maßnahmen")
				+ " übernommen");
		return activities;
	}

	/** The longest plan: ten years. */
	static final int MAX_YEARS = 10;

	/**
	 * Sets the plan's years (its project ends with the last one). Ranges are read again from every
	 * period as written, since "bis Projektende" moves with it. A year that holds periods cannot be
	 * dropped. Returns the mistakes by form field (German); nothing is stored when there is one.
	 */
	@Transactional
	public Map<String, String> changeYears(String municipalityId, String first, String last, String userId) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer firstYear = year(first, "firstYear", "Erstes Jahr", errors);
		Integer lastYear = year(last, "lastYear", "Letztes Jahr", errors);
		if (firstYear != null && lastYear != null) {
			if (lastYear < firstYear) {
				errors.put("lastYear", "Das letzte Jahr liegt vor dem ersten.");
			}
			else if (lastYear - firstYear + 1 > MAX_YEARS) {
				errors.put("lastYear", "Ein Zeitplan umfasst höchstens " + MAX_YEARS + " Jahre.");
			}
		}
		Plan plan = of(municipalityId);
		if (errors.isEmpty()) {
			List<Integer> used = plan.activities().stream().flatMap(activity -> activity.periods().stream())
				.map(PlanPeriod::year).filter(year -> year < firstYear || year > lastYear).distinct().sorted().toList();
			if (!used.isEmpty()) {
				errors.put("firstYear", "In " + (used.size() == 1 ? "der Spalte " : "den Spalten ")
						+ String.join(", ", used.stream().map(String::valueOf).toList())
						+ " stehen Zeitangaben; bitte erst dort leeren oder den Zeitraum so wählen, dass sie darin liegen.");
			}
		}
		if (!errors.isEmpty() || (firstYear == plan.firstYear() && lastYear == plan.lastYear() && exists(municipalityId))) {
			return errors;
		}
		Instant now = now();
		if (!exists(municipalityId)) {
			repository.insertPlan(municipalityId, firstYear, lastYear, now);
		}
		else {
			repository.updateYears(municipalityId, firstYear, lastYear);
		}
		LocalDate projectEnd = LocalDate.of(lastYear, 12, 31);
		for (Activity activity : plan.activities()) {
			repository.replacePeriods(activity.id(), activity.periods().stream()
				.map(period -> PeriodReader.read(period.text(), period.year(), projectEnd)).toList());
		}
		repository.insertChange(municipalityId, now, userId, null, "Planungszeitraum: " + plan.firstYear() + "–" + plan.lastYear()
				+ " → " + firstYear + "–" + lastYear);
		return errors;
	}

	private static Integer year(String text, String name, String label, Map<String, String> errors) {
		if (blank(text) || !text.strip().matches("\\d{4}")) {
			errors.put(name, label + ": bitte eine Jahreszahl wie 2026.");
			return null;
		}
		int year = Integer.parseInt(text.strip());
		if (year < 2000 || year > 2100) {
			errors.put(name, label + ": bitte ein Jahr zwischen 2000 und 2100.");
			return null;
		}
		return year;
	}

	static final int COMMENT_MAX = 2000;

	/**
	 * A comment on the plan or one of its activities (the agency's or the Kommune's), kept in the
	 * history with who and when. Returns the mistakes by form field (German); nothing is stored when
	 * there is one.
	 */
	@Transactional
	public Map<String, String> comment(String municipalityId, String activityId, String text, String userId) {
		Map<String, String> errors = new LinkedHashMap<>();
		String comment = text(text, "comment", "Kommentar", COMMENT_MAX, errors);
		if (comment == null && !errors.containsKey("comment")) {
			errors.put("comment", "Bitte schreiben Sie Ihren Kommentar.");
		}
		Optional<Activity> activity = blank(activityId) ? Optional.empty() : of(municipalityId).activity(activityId);
		if (!blank(activityId) && activity.isEmpty()) {
			errors.put("commentActivity", "Diese Maßnahme gibt es im Plan nicht (mehr).");
		}
		if (!exists(municipalityId)) {
			errors.put("comment", "Die Kommune führt noch keinen Zeitplan in der Anwendung.");
		}
		if (errors.isEmpty()) {
			repository.insertEntry(municipalityId, PlanRepository.COMMENT, now(), userId, activity.map(Activity::title).orElse(null), comment);
		}
		return errors;
	}

	public boolean exists(String municipalityId) {
		return repository.years(municipalityId).isPresent();
	}

	/** Sets an activity's status, recorded like any change; false where the plan has no such activity. */
	@Transactional
	public boolean changeStatus(String municipalityId, String activityId, PlanStatus status, String userId) {
		Optional<Activity> activity = of(municipalityId).activity(activityId);
		if (activity.isEmpty() || activity.get().status() == status) {
			return false;
		}
		Activity old = activity.get();
		repository.updateActivity(old.id(), old.fieldId(), old.position(), old.title(), old.responsible(), status, old.goalKey());
		repository.insertChange(municipalityId, now(), userId, old.title(), "Status: " + old.status().label() + " → " + status.label());
		return true;
	}

	/**
	 * Applies what a review or strategy meeting decided about the plan, typed one line per decision
	 * (see {@link MeetingDecisions}): each activity's change is recorded with who recorded the meeting,
	 * when, and "beschlossen in der Sitzung vom …". Returns the problems (German, by line); nothing is
	 * applied when there is one.
	 *
	 * @param meeting "Reviewgespräch" or "Strategiegespräch"
	 */
	@Transactional
	public List<String> decide(String municipalityId, String decisions, LocalDate meetingDay, String meeting, String userId) {
		if (blank(decisions)) {
			return List.of();
		}
		if (!exists(municipalityId)) {
			return List.of("Die Kommune führt ihren Zeitplan noch nicht in der Anwendung; Beschlüsse zum Zeitplan können erst festgehalten"
					+ " werden, wenn sie ihn dort angelegt hat.");
		}
		Plan plan = of(municipalityId);
		MeetingDecisions.Reading reading = MeetingDecisions.read(decisions, plan);
		if (!reading.problems().isEmpty()) {
			return reading.problems();
		}
		Instant now = now();
		String decided = " (beschlossen in der Sitzung vom " + Dates.format(meetingDay) + ", " + meeting + ")";
		for (MeetingDecisions.Change change : reading.changes()) {
			Activity old = change.activity();
			String summary = describe(plan, old, old.fieldId(), null, old.title(), old.responsible(), change.status(), old.goalKey(),
					change.periods());
			if (summary.isEmpty()) {
				continue;
			}
			repository.updateActivity(old.id(), old.fieldId(), old.position(), old.title(), old.responsible(), change.status(),
					old.goalKey());
			repository.replacePeriods(old.id(), change.periods());
			repository.insertChange(municipalityId, now, userId, old.title(),
					TimelineChart.shortened(summary, SUMMARY_MAX - decided.length()) + decided);
		}
		return List.of();
	}

	/** The longest entry of the history (column summary). */
	private static final int SUMMARY_MAX = 4000;

	/** An activity whose end the Kommune has reminded of: still open (geplant or läuft), with an end date. */
	public record RemindedActivity(String municipalityId, Activity activity, Instant remindersSince) {
	}

	/**
	 * Switches the reminders of the activities' ends on or off (recorded like a change); false where
	 * nothing changes. Off by default; on, the ends from then on are reminded of.
	 */
	@Transactional
	public boolean switchReminders(String municipalityId, boolean on, String userId) {
		if (remindersSince(municipalityId).isPresent() == on || !exists(municipalityId)) {
			return false;
		}
		Instant now = now();
		repository.setRemindersSince(municipalityId, on ? now : null);
		repository.insertChange(municipalityId, now, userId, null,
				on ? "Erinnerungen an das Ende der Maßnahmen eingeschaltet" : "Erinnerungen an das Ende der Maßnahmen ausgeschaltet");
		return true;
	}

	public Optional<Instant> remindersSince(String municipalityId) {
		return repository.remindersSince(municipalityId);
	}

	/** The activities reminded of in every plan whose reminders are on. */
	public List<RemindedActivity> remindedActivities() {
		List<RemindedActivity> reminded = new ArrayList<>();
		repository.plansWithReminders().forEach((municipalityId, since) -> of(municipalityId).activities().stream()
			.filter(Plans::reminded)
			.forEach(activity -> reminded.add(new RemindedActivity(municipalityId, activity, since))));
		return reminded;
	}

	/** The activity if its plan's reminders are on and it is reminded of. */
	public Optional<RemindedActivity> remindedActivity(String municipalityId, String activityId) {
		return remindersSince(municipalityId).flatMap(since -> of(municipalityId).activity(activityId)
			.filter(Plans::reminded)
			.map(activity -> new RemindedActivity(municipalityId, activity, since)));
	}

	private static boolean reminded(Activity activity) {
		return (activity.status() == PlanStatus.PLANNED || activity.status() == PlanStatus.RUNNING) && activity.end() != null;
	}

	/**
	 * Data protection after the retention period: the comments made on the plan before
	 * {@code before} are deleted, and its changes made before then no longer say who made them
	 * ({@code nobody} instead of the user). The plan itself stays. Returns how many entries.
	 */
	@Transactional
	public int forgetPeople(String municipalityId, Instant before, String nobody) {
		return repository.deleteComments(municipalityId, before) + repository.anonymiseChanges(municipalityId, before, nobody);
	}

	/** The changes since the given moment, newest first. */
	public List<PlanChange> changesSince(String municipalityId, Instant since) {
		return repository.changes(municipalityId, since);
	}

	public List<PlanChange> changes(String municipalityId) {
		return repository.changes(municipalityId, Instant.EPOCH);
	}

	public static LocalDate today() {
		return now().atZone(ZoneId.of(Zone.ID)).toLocalDate();
	}

	private void ensurePlan(String municipalityId, Plan plan, Instant now) {
		if (repository.years(municipalityId).isEmpty()) {
			repository.insertPlan(municipalityId, plan.firstYear(), plan.lastYear(), now);
		}
	}

	private static String describe(Plan plan, Activity old, String fieldId, String newField, String title, String responsible,
			PlanStatus status, String goalKey, List<PlanPeriod> periods) {
		List<String> parts = new ArrayList<>();
		if (!old.title().equals(title)) {
			parts.add("Beschreibung geändert");
		}
		if (!old.fieldId().equals(fieldId)) {
			parts.add("Handlungsfeld: " + (newField != null ? newField : plan.field(fieldId).map(FieldOfAction::title).orElse(fieldId)));
		}
		if (old.status() != status) {
			parts.add("Status: " + old.status().label() + " → " + status.label());
		}
		if (!Objects.equals(old.responsible(), responsible)) {
			parts.add("Verantwortlich: " + quoted(old.responsible()) + " → " + quoted(responsible));
		}
		if (!Objects.equals(old.goalKey(), goalKey)) {
			parts.add(goalKey == null ? "Ziel der Zielvereinbarung entfernt" : "Ziel der Zielvereinbarung zugeordnet");
		}
		for (int year : plan.years()) {
			String was = old.periodText(year);
			String is = periods.stream().filter(period -> period.year() == year).map(PlanPeriod::text).findFirst().orElse("");
			if (!was.equals(is)) {
				parts.add("Zeitraum " + year + ": " + quoted(was) + " → " + quoted(is));
			}
		}
		return String.join("; ", parts);
	}

	private static String quoted(String text) {
		return blank(text) ? "–" : "„" + text + "“";
	}

	/** The stripped text, null where blank; a mistake recorded where too long or with control characters. */
	static String text(String value, String name, String label, int max, Map<String, String> errors) {
		if (blank(value)) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			errors.put(name, label + ": höchstens " + max + " Zeichen.");
			return null;
		}
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			errors.put(name, label + ": enthält unzulässige Steuerzeichen.");
			return null;
		}
		return text;
	}

	/** "1 Maßnahme", "3 Maßnahmen". */
	public static String count(int number, String one, String many) {
		return number + " " + (number == 1 ? one : many);
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
