package de.kooperation.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.plan.Activity;
import de.kooperation.plan.Plans;
import de.kooperation.plan.Plans.RemindedActivity;
import de.kooperation.plan.TimelineChart;
import de.kooperation.shared.Zone;

/**
 * The Kommune's own deadlines, if it wants: where a Kommune has switched it on for its Zeitplan,
 * every activity still geplant or läuft whose period has an end is reminded of like a milestone's
 * part of the Kommune: 7 and 1 days before its end, on it and on the first working day after it,
 * each moved onto a working day of the Kommune's state, to the Kommune's contacts (without those
 * who switched that kind off; those who take the weekly digest find the ends there). There is no escalation: the plan is the
 * Kommune's own, and what is late shows on the Zeitplan and in the meetings. Ends before the
 * reminders were switched on are not reminded of; an activity done, postponed, removed or moved
 * gets none (a new end is a new reminder), nor does a Kommune whose collaboration has ended.
 */
@Component
class PlanReminders {

	static final String SUBJECT_PLAN_ACTIVITY = "PLAN_ACTIVITY";

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	private final Plans plans;

	private final MilestoneReminders milestones;

	private final ReminderPlanner planner;

	private final ReminderRepository reminders;

	private final RuntimeService runtimeService;

	private final MunicipalityRepository municipalities;

	private final Recipients recipients;

	private final MailComposer composer;

	private final Mailer mailer;

	private final ReminderProperties properties;

	private final WorkingDays workingDays;

	private final IdentityService identityService;

	PlanReminders(Plans plans, MilestoneReminders milestones, ReminderPlanner planner, ReminderRepository reminders,
			RuntimeService runtimeService, MunicipalityRepository municipalities, Recipients recipients,
			MailComposer composer, Mailer mailer, ReminderProperties properties, WorkingDays workingDays, IdentityService identityService) {
		this.identityService = identityService;
		this.plans = plans;
		this.milestones = milestones;
		this.planner = planner;
		this.reminders = reminders;
		this.runtimeService = runtimeService;
		this.municipalities = municipalities;
		this.recipients = recipients;
		this.composer = composer;
		this.mailer = mailer;
		this.properties = properties;
		this.workingDays = workingDays;
	}

	/** Schedules the reminders due at {@code now}; returns how many were new. */
	int sweep(Instant now) {
		Map<String, String> states = new HashMap<>();
		Set<String> ended = milestones.endedOrEnding();
		int scheduled = 0;
		for (RemindedActivity reminded : plans.remindedActivities()) {
			String municipalityId = reminded.municipalityId();
			if (ended.contains(municipalityId)) {
				continue;
			}
			String state = states.computeIfAbsent(municipalityId, this::federalState);
			LocalDate dueDay = workingDays.onOrAfter(reminded.activity().end(), state);
			Instant dueAt = MilestoneReminders.dueAt(dueDay);
			Optional<ReminderPlanner.Point> point = planner.current(dueDay, state, reminded.remindersSince(), now);
			String subject = subjectId(municipalityId, reminded.activity().id());
			if (point.isPresent() && !reminders.exists(SUBJECT_PLAN_ACTIVITY, subject, point.get().kind(), dueAt)) {
				String id = reminders.schedule(SUBJECT_PLAN_ACTIVITY, subject, point.get().kind(), dueAt, municipalityId, now);
				runtimeService.startProcessInstanceByKey(ReminderProcess.KEY, Map.of(ReminderProcess.VAR_REMINDER_ID, id));
				scheduled++;
			}
		}
		return scheduled;
	}

	/** Sends one decided reminder; false if it is obsolete (done, removed, moved, switched off, nobody to tell). */
	boolean send(ReminderRepository.Reminder reminder, Instant now) {
		String[] parts = reminder.subjectId().split("/", 2);
		if (parts.length != 2 || milestones.endedOrEnding(parts[0])) {
			return false;
		}
		String municipalityId = parts[0];
		Optional<RemindedActivity> found = plans.remindedActivity(municipalityId, parts[1]);
		String state = federalState(municipalityId);
		LocalDate dueDay = found.map(reminded -> workingDays.onOrAfter(reminded.activity().end(), state)).orElse(null);
		if (dueDay == null || !MilestoneReminders.dueAt(dueDay).equals(reminder.dueAt())) {
			return false;
		}
		ReminderKind kind = ReminderKind.of(reminder.kind());
		List<User> to = recipients.membersOf(PartyGroups.municipalityContacts(municipalityId), kind);
		if (to.isEmpty()) {
			return false;
		}
		Activity activity = found.get().activity();
		String municipalityName = municipalities.findById(municipalityId).map(Municipality::name).orElse(municipalityId);
		String due = SendReminder.GERMAN_DATE.format(dueDay);
		String name = "„" + TimelineChart.shortened(activity.title(), 80) + "“ (" + municipalityName + ")";
		String subject;
		String lead;
		switch (kind) {
			case BEFORE -> {
				long days = ChronoUnit.DAYS.between(now.atZone(ZONE).toLocalDate(), dueDay);
				subject = "Erinnerung: Maßnahme " + name + " endet am " + due;
				lead = "die folgende Maßnahme Ihres Zeitplans soll am " + due + " abgeschlossen sein, in " + days
						+ (days == 1 ? " Tag." : " Tagen.");
			}
			case DUE -> {
				subject = "Heute: Ende der Maßnahme " + name;
				lead = "die folgende Maßnahme Ihres Zeitplans soll heute abgeschlossen sein.";
			}
			case OVERDUE -> {
				subject = "Überfällig: Maßnahme " + name + ", Ende war der " + due;
				lead = "die folgende Maßnahme Ihres Zeitplans sollte am " + due
						+ " abgeschlossen sein und steht noch nicht auf „erledigt“. Ist sie erledigt, verschoben oder hat sie einen neuen Zeitraum,"
						+ " tragen Sie das bitte im Zeitplan ein.";
			}
			default -> throw new IllegalStateException("kein Erinnerungstyp für Maßnahmen: " + kind);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("greeting", "Guten Tag,");
		model.put("lead", lead);
		model.put("activity", activity.title());
		model.put("period", String.join("; ", activity.periods().stream().map(period -> period.year() + ": " + period.text()).toList()));
		model.put("responsible", activity.responsible() == null ? "–" : activity.responsible());
		model.put("status", activity.status().label());
		model.put("municipalityName", municipalityName);
		model.put("dueDate", due);
		model.put("link", link(municipalityId));
		MailComposer.Rendered rendered = composer.render("plan-activity", model);
		mailer.send(new Mail(to.stream().map(User::getEmail).toList(), subject, rendered.text(), rendered.html()), reminder.id(),
				reminder.kind(), municipalityId, now);
		return true;
	}

	/** An activity's end as a line of the weekly digest. */
	record DigestLine(String municipalityId, String municipalityName, Activity activity, LocalDate end) {
	}

	/**
	 * What the weekly digest of a Kommune's contact lists besides tasks: the ends of the activities
	 * reminded of, from the day the reminders were switched on until {@code days} ahead (those over
	 * stay until done, as overdue tasks do).
	 */
	List<DigestLine> digestLines(String userId, Instant now, int days) {
		Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
			.collect(Collectors.toSet());
		LocalDate until = now.atZone(ZONE).toLocalDate().plusDays(days);
		List<DigestLine> lines = new ArrayList<>();
		Set<String> ended = null;
		for (RemindedActivity reminded : plans.remindedActivities()) {
			String municipalityId = reminded.municipalityId();
			if (!groups.contains(PartyGroups.municipalityContacts(municipalityId))) {
				continue;
			}
			if (ended == null) {
				ended = milestones.endedOrEnding();
			}
			LocalDate end = workingDays.onOrAfter(reminded.activity().end(), federalState(municipalityId));
			if (!ended.contains(municipalityId) && !end.isAfter(until)
					&& !end.isBefore(reminded.remindersSince().atZone(ZONE).toLocalDate())) {
				lines.add(new DigestLine(municipalityId,
						municipalities.findById(municipalityId).map(Municipality::name).orElse(municipalityId), reminded.activity(), end));
			}
		}
		lines.sort(Comparator.comparing(DigestLine::end));
		return lines;
	}

	String link(String municipalityId) {
		return properties.getBaseUrl() + "/kooperationen/" + municipalityId + "/zeitplan";
	}

	static String subjectId(String municipalityId, String activityId) {
		return municipalityId + "/" + activityId;
	}

	private String federalState(String municipalityId) {
		return municipalities.findById(municipalityId).map(Municipality::federalState).orElse("");
	}

}
