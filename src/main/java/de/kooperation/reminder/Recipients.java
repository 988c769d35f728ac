package de.kooperation.reminder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import de.kooperation.shared.PartyGroups;

/**
 * Who is reminded of a task: its assignee, else every member of its candidate groups. Users who
 * prefer the weekly digest get no single reminders. The escalation goes to the leadership of the
 * party whose task it is.
 */
@Component
public class Recipients {

	/** User info key (Camunda identity) of the reminder preference; value {@link #WEEKLY} or absent. */
	public static final String PREFERENCE_KEY = "kooperation.reminderMode";

	public static final String WEEKLY = "weekly";

	private final TaskService taskService;

	private final IdentityService identityService;

	private final ReminderPreferences preferences;

	Recipients(TaskService taskService, IdentityService identityService, ReminderPreferences preferences) {
		this.taskService = taskService;
		this.identityService = identityService;
		this.preferences = preferences;
	}

	/**
	 * Those reminded of a task with this kind of reminder: its assignee, else the members of its
	 * candidate groups, each only if they want it ({@link #membersOf(String, ReminderKind)}).
	 */
	List<User> of(Task task, ReminderKind kind) {
		if (task.getAssignee() != null) {
			User assignee = identityService.createUserQuery().userId(task.getAssignee()).singleResult();
			return assignee == null ? List.of() : wanting(List.of(assignee), kind);
		}
		Map<String, User> users = new LinkedHashMap<>();
		for (String group : candidateGroups(task)) {
			membersOf(group, kind).forEach(user -> users.putIfAbsent(user.getId(), user));
		}
		return List.copyOf(users.values());
	}

	List<User> leadershipOf(Task task) {
		Map<String, User> users = new LinkedHashMap<>();
		for (String group : candidateGroups(task)) {
			String leadership = leadershipGroupOf(group);
			if (leadership != null) {
				identityService.createUserQuery().memberOfGroup(leadership).list().forEach(user -> users.putIfAbsent(user.getId(), user));
			}
		}
		return withMail(new ArrayList<>(users.values()));
	}

	/**
	 * The members of a group who want this kind of reminder: with a mail address, without those who
	 * prefer the weekly digest or switched this kind off in "Benachrichtigungen" (escalations always).
	 */
	List<User> membersOf(String group, ReminderKind kind) {
		return wanting(identityService.createUserQuery().memberOfGroup(group).list(), kind);
	}

	boolean prefersDigest(String userId) {
		return WEEKLY.equals(identityService.getUserInfo(userId, PREFERENCE_KEY));
	}

	/** The ids of the groups the user is a member of. */
	Set<String> groupsOf(String userId) {
		return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet());
	}

	List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

	/** ta-team → ta-leadership; kommune-x and kommune-x-leadership → kommune-x-leadership. */
	static String leadershipGroupOf(String group) {
		if (group.equals(PartyGroups.AGENCY_TEAM) || group.equals(PartyGroups.AGENCY_LEADERSHIP)) {
			return PartyGroups.AGENCY_LEADERSHIP;
		}
		return PartyGroups.municipalityOf(group).map(PartyGroups::municipalityLeadership).orElse(null);
	}

	/** The one place where the choices of "Benachrichtigungen" (ReminderPreferences) filter single reminders. */
	private List<User> wanting(List<User> users, ReminderKind kind) {
		return withMail(users).stream()
			.filter(user -> !prefersDigest(user.getId()))
			.filter(user -> preferences.wants(user.getId(), kind))
			.toList();
	}

	private static List<User> withMail(List<User> users) {
		return users.stream().filter(user -> user.getEmail() != null && !user.getEmail().isBlank()).toList();
	}

}
