package de.kooperation.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import de.kooperation.shared.CollaborationProcess;
import de.kooperation.agreement.Agreements;
import de.kooperation.agreement.Agreements.DueMilestone;
import de.kooperation.agreement.Milestone;
import de.kooperation.agreement.MilestoneParts;
import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.shared.Zone;

/**
 * Reminders of the milestone plan: every open milestone with a deadline in the Zielvereinbarung
 * in force is reminded of like a task, to each party with a part in it (Verantwortung TA: the
 * agency team, Verantwortung Kommune: the Kommune's contacts), with the same points in time and
 * the escalation to that party's leadership. A revision that moves a deadline moves the
 * reminders (a new deadline is a new reminder); a milestone removed or closed gets none, nor
 * does a party for a part it has closed, and reminders decided on before are dropped when their
 * turn comes.
 */
@Component
class MilestoneReminders {

	static final String SUBJECT_MILESTONE = "MILESTONE";

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	/** Whose part of a milestone a reminder is about. */
	enum Party {

		TA("Transferagentur"), KOMMUNE("Kommune");

		private final String label;

		Party(String label) {
			this.label = label;
		}

		String group(String municipalityId) {
			return this == TA ? PartyGroups.AGENCY_TEAM : PartyGroups.municipalityContacts(municipalityId);
		}

		/** The same party as the milestone's parts name it when closed. */
		MilestoneParts.Party closedAs() {
			return this == TA ? MilestoneParts.Party.TRANSFERAGENTUR : MilestoneParts.Party.KOMMUNE;
		}

		String part(Milestone milestone) {
			return this == TA ? milestone.agencyPart() : milestone.municipalityPart();
		}

	}

	private final Agreements agreements;

	private final ReminderPlanner planner;

	private final ReminderRepository reminders;

	private final RuntimeService runtimeService;

	private final MunicipalityRepository municipalities;

	private final Recipients recipients;

	private final MilestoneParts milestoneParts;

	private final MailComposer composer;

	private final Mailer mailer;

	private final ReminderProperties properties;

	private final WorkingDays workingDays;

	private final HistoryService historyService;

	MilestoneReminders(Agreements agreements, ReminderPlanner planner, ReminderRepository reminders, RuntimeService runtimeService,
			MunicipalityRepository municipalities, Recipients recipients, MailComposer composer, Mailer mailer,
			ReminderProperties properties, WorkingDays workingDays, HistoryService historyService, MilestoneParts milestoneParts) {
		this.agreements = agreements;
		this.milestoneParts = milestoneParts;
		this.planner = planner;
		this.reminders = reminders;
		this.runtimeService = runtimeService;
		this.municipalities = municipalities;
		this.recipients = recipients;
		this.composer = composer;
		this.mailer = mailer;
		this.properties = properties;
		this.workingDays = workingDays;
		this.historyService = historyService;
	}

	/**
	 * The day a milestone is really due: its deadline, or the next working day of the Kommune's state
	 * when the deadline falls on a weekend or holiday ("31.01.2027", a Sunday, is Monday 01.02.2027),
	 * the same rule as for the due dates of tasks.
	 */
	public LocalDate effectiveDue(LocalDate deadline, String federalState) {
		return deadline == null ? null : workingDays.onOrAfter(deadline, federalState);
	}

	/**
	 * Kommunen whose collaboration has ended, or whose ending was declared and is being documented:
	 * their milestones are no longer due, so nobody is reminded of them (a plan without any
	 * collaboration yet is reminded of as signed).
	 */
	Set<String> endedOrEnding() {
		Set<String> running = new HashSet<>();
		runtimeService.createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY).list()
			.forEach(instance -> running.add(instance.getBusinessKey()));
		Set<String> ended = new HashSet<>();
		historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY).finished().list()
			.forEach(instance -> ended.add(instance.getBusinessKey()));
		ended.removeAll(running);
		for (var execution : runtimeService.createExecutionQuery().processDefinitionKey(CollaborationProcess.KEY)
			.activityId(CollaborationProcess.Elements.RECORD_TERMINATION).list()) {
			runtimeService.createProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId()).list()
				.forEach(instance -> ended.add(instance.getBusinessKey()));
		}
		return ended;
	}

	boolean endedOrEnding(String municipalityId) {
		boolean running = runtimeService.createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(municipalityId).count() > 0;
		if (!running) {
			return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
				.processInstanceBusinessKey(municipalityId).finished().count() > 0;
		}
		return runtimeService.createExecutionQuery().processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(municipalityId).activityId(CollaborationProcess.Elements.RECORD_TERMINATION).count() > 0;
	}

	/** Schedules the milestone reminders due at {@code now}; returns how many were new. */
	int sweep(Instant now) {
		int longest = properties.getDaysBefore().stream().mapToInt(Integer::intValue).max().orElse(0);
		LocalDate horizon = now.plus(Duration.ofDays(longest + 7L)).atZone(ZONE).toLocalDate();
		Map<String, String> states = new HashMap<>();
		Set<String> ended = endedOrEnding();
		int scheduled = 0;
		for (DueMilestone due : agreements.openMilestonesDueBy(horizon)) {
			if (ended.contains(due.municipalityId())) {
				continue;
			}
			String state = states.computeIfAbsent(due.municipalityId(),
					id -> municipalities.findById(id).map(Municipality::federalState).orElse(""));
			LocalDate dueDay = effectiveDue(due.milestone().dueOn(), state);
			Instant dueAt = dueAt(dueDay);
			Instant signed = due.signedOn().atStartOfDay(ZONE).toInstant();
			List<ReminderPlanner.Point> points = new ArrayList<>();
			planner.current(dueDay, state, signed, now).ifPresent(points::add);
			planner.escalationDue(dueDay, state, now).ifPresent(points::add);
			for (Party party : Party.values()) {
				if (isBlank(party.part(due.milestone()))) {
					continue;
				}
				String subject = subjectId(due.municipalityId(), due.milestone().key(), party);
				for (ReminderPlanner.Point point : points) {
					if (!reminders.exists(SUBJECT_MILESTONE, subject, point.kind(), dueAt)) {
						String id = reminders.schedule(SUBJECT_MILESTONE, subject, point.kind(), dueAt, due.municipalityId(), now);
						runtimeService.startProcessInstanceByKey(ReminderProcess.KEY, Map.of(ReminderProcess.VAR_REMINDER_ID, id));
						scheduled++;
					}
				}
			}
		}
		return scheduled;
	}

	/** Sends one decided milestone reminder; false if it is obsolete (closed, removed, moved, nobody to tell). */
	boolean send(ReminderRepository.Reminder reminder, Instant now) {
		String[] parts = reminder.subjectId().split("/", 3);
		if (parts.length != 3) {
			return false;
		}
		String municipalityId = parts[0];
		Party party = Party.valueOf(parts[2]);
		if (endedOrEnding(municipalityId)) {
			return false;
		}
		Optional<DueMilestone> found = agreements.openMilestone(municipalityId, parts[1]);
		String state = municipalities.findById(municipalityId).map(Municipality::federalState).orElse("");
		LocalDate dueDay = found.isEmpty() ? null : effectiveDue(found.get().milestone().dueOn(), state);
		if (dueDay == null || !dueAt(dueDay).equals(reminder.dueAt())) {
			return false;
		}
		Milestone milestone = found.get().milestone();
		if (milestoneParts.partClosed(municipalityId, milestone.key(), party.closedAs())) {
			return false; // this party has done its part; the other may still be reminded
		}
		ReminderKind kind = ReminderKind.of(reminder.kind());
		String group = party.group(municipalityId);
		List<User> to = recipients.membersOf(kind == ReminderKind.ESCALATION ? Recipients.leadershipGroupOf(group) : group, kind);
		if (to.isEmpty()) {
			return false;
		}
		String municipalityName = municipalities.findById(municipalityId).map(Municipality::name).orElse(municipalityId);
		LocalDate today = now.atZone(ZONE).toLocalDate();
		String due = SendReminder.GERMAN_DATE.format(dueDay);
		String name = "„" + milestone.title() + "“ (" + municipalityName + ")";
		String subject;
		String lead;
		switch (kind) {
			case BEFORE -> {
				long days = ChronoUnit.DAYS.between(today, dueDay);
				subject = "Erinnerung: Meilenstein " + name + " ist am " + due + " fällig";
				lead = "der folgende Meilenstein der Zielvereinbarung ist am " + due + " fällig, in " + days
						+ (days == 1 ? " Tag." : " Tagen.");
			}
			case DUE -> {
				subject = "Heute fällig: Meilenstein " + name;
				lead = "der folgende Meilenstein der Zielvereinbarung ist heute fällig.";
			}
			case OVERDUE -> {
				subject = "Überfällig: Meilenstein " + name + ", fällig war der " + due;
				lead = "der folgende Meilenstein der Zielvereinbarung ist seit dem " + due + " überfällig.";
			}
			case ESCALATION -> {
				subject = "Eskalation: Meilenstein " + name + " ist überfällig";
				lead = "zu Ihrer Information als Leitung: der folgende Meilenstein ist seit dem " + due + " überfällig. "
						+ ReminderKind.sentBefore(reminders.sentKinds(reminder.subjectId(), reminder.dueAt()));
			}
			default -> throw new IllegalStateException("kein Erinnerungstyp: " + kind);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("greeting", "Guten Tag,");
		model.put("lead", lead);
		model.put("milestone", milestone.title());
		model.put("period", isBlank(milestone.period()) ? "–" : milestone.period());
		model.put("party", party.label);
		model.put("part", party.part(milestone));
		model.put("municipalityName", municipalityName);
		model.put("dueDate", due);
		model.put("link", link(municipalityId));
		MailComposer.Rendered rendered = composer.render("milestone", model);
		mailer.send(new Mail(to.stream().map(User::getEmail).toList(), subject, rendered.text(), rendered.html()), reminder.id(),
				reminder.kind(), municipalityId, now);
		return true;
	}

	/** An open milestone of an agreement in force as the weekly digest lists it, due on a working day. */
	record DigestMilestone(String municipalityId, String municipalityName, Milestone milestone, LocalDate due,
			Set<MilestoneParts.Party> closedParts) {
	}

	/** A milestone in one user's digest, with the parties the user is reminded for (those with a part). */
	record DigestLine(DigestMilestone milestone, List<Party> parties) {
	}

	/**
	 * The open milestones of every agreement in force due (on the working day they are reminded of)
	 * within {@code days} or overdue, without those of Kommunen whose collaboration ended, by
	 * deadline: the same for every user of a digest run, so read once, whatever the number of
	 * Kommunen (the milestones, the closures, the Kommunen).
	 */
	List<DigestMilestone> dueForDigest(Instant now, int days) {
		LocalDate until = now.atZone(ZONE).toLocalDate().plusDays(days);
		Map<String, List<Milestone>> open = new HashMap<>();
		agreements.currentMilestonesOfAll().forEach((municipalityId, plan) -> plan.stream()
			.filter(milestone -> !milestone.closed() && milestone.dueOn() != null && !milestone.dueOn().isAfter(until))
			.filter(milestone -> !isBlank(milestone.agencyPart()) || !isBlank(milestone.municipalityPart()))
			.forEach(milestone -> open.computeIfAbsent(municipalityId, id -> new ArrayList<>()).add(milestone)));
		if (open.isEmpty()) {
			return List.of();
		}
		open.keySet().removeAll(endedOrEnding());
		Map<String, Municipality> byId = new HashMap<>();
		municipalities.findAll().forEach(municipality -> byId.put(municipality.id(), municipality));
		Map<String, Map<String, Set<MilestoneParts.Party>>> closedParts = milestoneParts.closedPartsOfAll();
		List<DigestMilestone> due = new ArrayList<>();
		open.forEach((municipalityId, plan) -> {
			Municipality municipality = byId.get(municipalityId);
			String state = municipality == null ? "" : municipality.federalState();
			String name = municipality == null ? municipalityId : municipality.name();
			for (Milestone milestone : plan) {
				LocalDate dueDay = effectiveDue(milestone.dueOn(), state);
				if (!dueDay.isAfter(until)) {
					due.add(new DigestMilestone(municipalityId, name, milestone, dueDay,
							closedParts.getOrDefault(municipalityId, Map.of()).getOrDefault(milestone.key(), Set.of())));
				}
			}
		});
		due.sort(Comparator.comparing(DigestMilestone::due).thenComparing(DigestMilestone::municipalityName));
		return due;
	}

	/**
	 * Those of the due milestones the user hears of, as the single reminders would tell them: where a
	 * party whose group the user is in (agency team, the Kommune's contacts) has a part it has not
	 * closed yet.
	 */
	static List<DigestLine> digestLines(Set<String> groups, List<DigestMilestone> due) {
		List<DigestLine> lines = new ArrayList<>();
		for (DigestMilestone milestone : due) {
			List<Party> parties = Arrays.stream(Party.values())
				.filter(party -> !isBlank(party.part(milestone.milestone())) && !milestone.closedParts().contains(party.closedAs())
						&& groups.contains(party.group(milestone.municipalityId())))
				.toList();
			if (!parties.isEmpty()) {
				lines.add(new DigestLine(milestone, parties));
			}
		}
		return lines;
	}

	/** "Ihr Teil (Kommune): Bedarfsanalyse durchführen", one per party. */
	static String parts(DigestLine line) {
		return String.join("; ", line.parties().stream()
			.map(party -> "Ihr Teil (" + party.label + "): " + party.part(line.milestone().milestone()))
			.toList());
	}

	String link(String municipalityId) {
		return properties.getBaseUrl() + "/kooperationen/" + municipalityId;
	}

	static String subjectId(String municipalityId, String key, Party party) {
		return municipalityId + "/" + key + "/" + party.name();
	}

	/** A milestone is due at the end of its day, like a task. */
	static Instant dueAt(LocalDate dueDay) {
		return dueDay.atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
