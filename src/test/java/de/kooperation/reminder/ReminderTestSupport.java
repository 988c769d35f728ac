package de.kooperation.reminder;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestComponent;

import jakarta.mail.internet.MimeMessage;

/** Users with mail addresses, the reminder jobs, and what arrived in GreenMail. */
@TestComponent
class ReminderTestSupport {

	private final IdentityService identityService;

	private final ManagementService managementService;

	private final EmbeddedMailServer mailServer;

	ReminderTestSupport(IdentityService identityService, ManagementService managementService, EmbeddedMailServer mailServer) {
		this.identityService = identityService;
		this.managementService = managementService;
		this.mailServer = mailServer;
	}

	/** A new user with a unique example.org address in the given group. */
	String userInGroup(String group) {
		String id = "u" + UUID.randomUUID().toString().substring(0, 8);
		User user = identityService.newUser(id);
		user.setFirstName("Test");
		user.setLastName(id);
		user.setEmail(id + "@example.org");
		identityService.saveUser(user);
		if (identityService.createGroupQuery().groupId(group).count() == 0) {
			identityService.saveGroup(identityService.newGroup(group));
		}
		identityService.createMembership(id, group);
		return id + "@example.org";
	}

	void setClock(int year, int month, int day, int hour, int minute) {
		ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(year, month, day, hour, minute)
			.atZone(ZoneId.of("Europe/Berlin")).toInstant()));
	}

	/** Runs the sweep the way the engine does: its timer job. */
	void sweep() {
		Job timer = managementService.createJobQuery().processDefinitionKey(ReminderProcess.SWEEP_KEY).singleResult();
		managementService.executeJob(timer.getId());
	}

	/** Runs the weekly digest's timer job. */
	void digest() {
		Job timer = managementService.createJobQuery().processDefinitionKey(ReminderProcess.DIGEST_KEY).singleResult();
		managementService.executeJob(timer.getId());
	}

	/** Executes the reminder and cancellation jobs that are due (sending, then ending); returns the failures. */
	List<Exception> sendPending() {
		List<Exception> failures = new ArrayList<>();
		for (int round = 0; round < 10; round++) {
			List<Job> jobs = new ArrayList<>(managementService.createJobQuery().processDefinitionKey(ReminderProcess.KEY).executable().list());
			// cancellations of meetings are mail jobs of their own process
			jobs.addAll(managementService.createJobQuery().processDefinitionKey(ReminderProcess.CANCELLATION_KEY).executable().list());
			if (jobs.isEmpty()) {
				break;
			}
			for (Job job : jobs) {
				try {
					managementService.executeJob(job.getId());
				}
				catch (Exception e) {
					failures.add(e);
				}
			}
			if (!failures.isEmpty()) {
				break;
			}
		}
		return failures;
	}

	/**
	 * Mails delivered to the address whose body mentions the given text (e.g. a task id): the
	 * address's own mailbox, one message per delivery, so a duplicate counts twice.
	 */
	List<MimeMessage> mailsTo(String address, String mentioning) {
		return mailServer.receivedBy(address).stream().filter(message -> body(message).contains(mentioning)).toList();
	}

	/** The decoded text of all text parts (plain and HTML). */
	static String body(jakarta.mail.Part part) {
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
			if (content instanceof jakarta.mail.Multipart multipart) {
				StringBuilder all = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					all.append(body(multipart.getBodyPart(i))).append('\n');
				}
				return all.toString();
			}
			return "";
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The decoded content of the first part with that MIME type, or null. */
	static String part(jakarta.mail.Part part, String mimeType) {
		try {
			if (part.isMimeType(mimeType)) {
				Object content = part.getContent();
				return content instanceof String text ? text
						: new String(((java.io.InputStream) content).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = part(multipart.getBodyPart(i), mimeType);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	EmbeddedMailServer server() {
		return mailServer;
	}

}
