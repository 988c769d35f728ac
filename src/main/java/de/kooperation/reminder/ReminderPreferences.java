package de.kooperation.reminder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * What a person wants to be mailed, kept as Camunda user info (so it goes with the user, on every
 * node): single reminders or the weekly digest, and which of the single reminders. Invitations and
 * escalations are not optional: they are about meetings and about work that is already late.
 */
@Component
public class ReminderPreferences {

	/** User info: single reminders, or {@link Recipients#WEEKLY}. */
	static final String MODE_KEY = Recipients.PREFERENCE_KEY;

	/** User info: the kinds of single reminders wanted, comma separated; absent means all. */
	static final String KINDS_KEY = "kooperation.reminderKinds";

	/** The single reminders a person may switch off, with what they are called on the page. */
	public enum Choice {

		BEFORE("Erinnerung vor der Frist"), DUE("am Tag der Frist"), OVERDUE("am ersten Arbeitstag nach der Frist");

		private final String label;

		Choice(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** One person's preferences. */
	public record Preferences(boolean weekly, Set<Choice> kinds) {
	}

	private final IdentityService identity;

	ReminderPreferences(IdentityService identity) {
		this.identity = identity;
	}

	public Preferences of(String userId) {
		boolean weekly = Recipients.WEEKLY.equals(identity.getUserInfo(userId, MODE_KEY));
		String kinds = identity.getUserInfo(userId, KINDS_KEY);
		Set<Choice> chosen = kinds == null ? EnumSet.allOf(Choice.class)
				: Arrays.stream(kinds.split(",")).filter(kind -> !kind.isBlank()).map(Choice::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Choice.class)));
		return new Preferences(weekly, chosen);
	}

	public void save(String userId, Preferences preferences) {
		if (preferences.weekly()) {
			identity.setUserInfo(userId, MODE_KEY, Recipients.WEEKLY);
		}
		else {
			identity.deleteUserInfo(userId, MODE_KEY);
		}
		identity.setUserInfo(userId, KINDS_KEY, preferences.kinds().stream().map(Enum::name).collect(Collectors.joining(",")));
	}

	/** Whether the user wants this kind of single reminder (escalations and digests always). */
	boolean wants(String userId, ReminderKind kind) {
		Choice choice = switch (kind) {
			case BEFORE -> Choice.BEFORE;
			case DUE -> Choice.DUE;
			case OVERDUE -> Choice.OVERDUE;
			default -> null;
		};
		return choice == null || of(userId).kinds().contains(choice);
	}

}
