package de.kooperation.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Zielvereinbarung of each Kommune as data: its draft, its signed versions (never changed
 * after signing), what changed between two versions, and the milestones closed since. The
 * drafting and revision tasks edit the draft; their signing freezes it.
 */
@Service
public class Agreements {

	private final AgreementRepository repository;

	Agreements(AgreementRepository repository) {
		this.repository = repository;
	}

	/** A new key for a goal or milestone. */
	public static String newKey(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	public Optional<AgreementVersion> draft(String municipalityId) {
		return repository.draft(municipalityId);
	}

	/**
	 * The open draft; a new one if there is none: a copy of the version in force (with the
	 * milestones closed since marked closed), or empty before the first signing.
	 */
	@Transactional
	public AgreementVersion openDraft(String municipalityId) {
		Optional<AgreementVersion> draft = repository.draft(municipalityId);
		if (draft.isPresent()) {
			return draft.get();
		}
		AgreementVersion base = current(municipalityId).orElse(new AgreementVersion(null, municipalityId, null, false, null, null,
				null, null, null, null, null, null, null, null, List.of(), List.of()));
		repository.insertDraft(municipalityId, base, now());
		return repository.draft(municipalityId).orElseThrow();
	}

	/** Goals, milestones and duties as edited on the draft page; new items get a key. */
	@Transactional
	public void saveDraftContent(String municipalityId, List<Goal> goals, List<Milestone> milestones, String municipalityDuties,
			String agencyDuties) {
		AgreementVersion draft = openDraft(municipalityId);
		List<Goal> keyedGoals = goals.stream()
			.map(goal -> blank(goal.key()) ? new Goal(newKey("z-"), goal.priority(), goal.title(), goal.explanation(),
					goal.measures(), goal.timeFrame()) : goal)
			.toList();
		List<Milestone> keyedMilestones = milestones.stream()
			.map(milestone -> blank(milestone.key()) ? milestone.withKey(newKey("m-")) : milestone)
			.toList();
		repository.replaceItems(draft.id(), keyedGoals, keyedMilestones);
		repository.updateDuties(draft.id(), municipalityDuties, agencyDuties);
	}

	/** The fields the task forms still carry: document link, time frame, named contacts (null keeps a value). */
	@Transactional
	public void saveDraftFrame(String municipalityId, String documentLink, LocalDate periodStart, LocalDate periodEnd,
			String municipalityContacts, String agencyContacts) {
		AgreementVersion draft = openDraft(municipalityId);
		repository.updateFrame(draft.id(), documentLink == null ? draft.documentLink() : documentLink,
				periodStart == null ? draft.periodStart() : periodStart, periodEnd == null ? draft.periodEnd() : periodEnd,
				municipalityContacts == null ? draft.municipalityContacts() : municipalityContacts,
				agencyContacts == null ? draft.agencyContacts() : agencyContacts);
	}

	/** Both have signed: the draft becomes version {@code number}, unchangeable from now on. */
	@Transactional
	public AgreementVersion sign(String municipalityId, int number, LocalDate signedOn, String changeSummary) {
		AgreementVersion draft = openDraft(municipalityId);
		repository.sign(draft.id(), number, signedOn, changeSummary);
		return version(municipalityId, number).orElseThrow();
	}

	/** All signed versions, oldest first, as signed. */
	public List<AgreementVersion> signedVersions(String municipalityId) {
		return repository.signed(municipalityId);
	}

	/** A signed version as signed. */
	public Optional<AgreementVersion> version(String municipalityId, int number) {
		return signedVersions(municipalityId).stream().filter(version -> version.number() == number).findFirst();
	}

	/** The version in force, with the milestones closed since its signing marked closed. */
	public Optional<AgreementVersion> current(String municipalityId) {
		List<AgreementVersion> signed = signedVersions(municipalityId);
		return signed.isEmpty() ? Optional.empty()
				: Optional.of(withClosures(signed.get(signed.size() - 1), repository.closures(municipalityId)));
	}

	/** What changed from one version to the other. */
	public AgreementDiff diff(AgreementVersion before, AgreementVersion after) {
		return AgreementDiff.between(before, after);
	}

	/** Marks a milestone of the version in force as reached; false if unknown or already closed. */
	@Transactional
	public boolean closeMilestone(String municipalityId, String key, String userId) {
		Optional<AgreementVersion> current = current(municipalityId);
		boolean known = current.isPresent()
				&& current.get().milestones().stream().anyMatch(milestone -> milestone.key().equals(key) && !milestone.closed());
		return known && repository.close(municipalityId, key, today(), userId);
	}

	/**
	 * A task that fulfils milestones was completed for the Kommune: closes the open milestones of
	 * the version in force that name one of the tasks; returns the keys of those closed now.
	 */
	@Transactional
	public List<String> closeMilestonesFulfilledBy(String municipalityId, Collection<String> taskKeys, String userId) {
		List<String> closed = new ArrayList<>();
		current(municipalityId).ifPresent(version -> version.milestones().stream()
			.filter(milestone -> !milestone.closed() && milestone.fulfilledBy() != null && taskKeys.contains(milestone.fulfilledBy()))
			.filter(milestone -> repository.close(municipalityId, milestone.key(), today(), userId))
			.forEach(milestone -> closed.add(milestone.key())));
		return closed;
	}

	/** Milestones closed after signing, with the day. */
	public Map<String, LocalDate> closures(String municipalityId) {
		return repository.closures(municipalityId);
	}

	/** An open milestone with a deadline in the version in force of a Kommune. */
	public record DueMilestone(String municipalityId, int version, LocalDate signedOn, Milestone milestone) {
	}

	/** Every open milestone with a deadline on or before the given day, in the versions in force. */
	public List<DueMilestone> openMilestonesDueBy(LocalDate day) {
		List<DueMilestone> due = new ArrayList<>();
		for (AgreementVersion version : repository.currentOfAll()) {
			Map<String, LocalDate> closed = repository.closures(version.municipalityId());
			for (Milestone milestone : version.milestones()) {
				if (!milestone.closed() && !closed.containsKey(milestone.key()) && milestone.dueOn() != null
						&& !milestone.dueOn().isAfter(day)) {
					due.add(new DueMilestone(version.municipalityId(), version.number(), version.signedOn(), milestone));
				}
			}
		}
		due.sort(Comparator.comparing((DueMilestone milestone) -> milestone.milestone().dueOn()));
		return due;
	}

	/** The open milestone with that key in the version in force, if it is one. */
	public Optional<DueMilestone> openMilestone(String municipalityId, String key) {
		return current(municipalityId).flatMap(version -> version.milestones().stream()
			.filter(milestone -> milestone.key().equals(key) && !milestone.closed())
			.findFirst()
			.map(milestone -> new DueMilestone(municipalityId, version.number(), version.signedOn(), milestone)));
	}

	/**
	 * The milestones of every Kommune's version in force, with those closed since its signing
	 * marked closed: two queries, whatever the number of Kommunen (pages over all Kommunen).
	 */
	public Map<String, List<Milestone>> currentMilestonesOfAll() {
		Map<String, Map<String, LocalDate>> closures = repository.closuresOfAll();
		Map<String, List<Milestone>> current = new HashMap<>();
		repository.currentMilestonesOfAll().forEach((municipalityId, milestones) -> {
			current.put(municipalityId, markedClosed(milestones, closures.getOrDefault(municipalityId, Map.of())));
		});
		return current;
	}

	/** Every Kommune's signed versions, oldest first, without goals and milestones (number, day, changes): one query. */
	public Map<String, List<AgreementVersion>> signingsOfAll() {
		return repository.signedWithoutItemsOfAll();
	}

	/** Every Kommune's milestones closed after signing, with the day: one query. */
	public Map<String, Map<String, LocalDate>> closuresOfAll() {
		return repository.closuresOfAll();
	}

	private static AgreementVersion withClosures(AgreementVersion version, Map<String, LocalDate> closed) {
		if (closed.isEmpty()) {
			return version;
		}
		return new AgreementVersion(version.id(), version.municipalityId(), version.number(), version.signed(), version.signedOn(),
				version.documentLink(), version.periodStart(), version.periodEnd(), version.municipalityContacts(),
				version.agencyContacts(), version.municipalityDuties(), version.agencyDuties(), version.changeSummary(),
				version.createdAt(), version.goals(), markedClosed(version.milestones(), closed));
	}

	private static List<Milestone> markedClosed(List<Milestone> milestones, Map<String, LocalDate> closed) {
		return milestones.stream().map(milestone -> closed.containsKey(milestone.key()) ? milestone.withClosed(true) : milestone).toList();
	}

	static LocalDate today() {
		return AgreementVersions.today();
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
