package de.kooperation.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kooperation.EngineClock;
import de.kooperation.Scenario;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.shared.PartyGroups;

/**
 * Mail against an SMTP server that misbehaves: one that accepts connections and never answers, and
 * a slow one while the same reminder job runs twice at once. The application talks to a real SMTP
 * server as in production ({@code kooperation.mail.embedded=false}); between them sits
 * {@link SmtpStandIn}, which hangs or relays to a real GreenMail. The SMTP timeouts are the
 * configured defaults (10 seconds).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kooperation.mail.embedded=false", "spring.mail.host=127.0.0.1" })
@ActiveProfiles("test")
@Import({ Scenario.class, ReminderTestSupport.class })
class SmtpTroubleTests {

	static final SmtpStandIn SMTP = new SmtpStandIn();

	/** The job executor's most threads (Camunda's default), all busy with mail at once. */
	static final int JOB_THREADS = 10;

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP::port);
	}

	@TestConfiguration
	static class RealSmtpBehindTheStandIn {

		@Bean(initMethod = "start", destroyMethod = "stop")
		EmbeddedMailServer greenMail() {
			return new EmbeddedMailServer(0);
		}

	}

	@Autowired
	Scenario scenario;

	@Autowired
	ReminderTestSupport reminders;

	@Autowired
	ReminderRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRestTemplate rest;

	@RegisterExtension
	static final EngineClock CLOCK = new EngineClock();

	@AfterEach
	void resetSmtp() {
		SMTP.dropHangingConnections();
		SMTP.relayTo(reminders.server().port(), Duration.ZERO);
	}

	@AfterAll
	static void closeStandIn() {
		SMTP.close();
	}

	@Test
	void aServerThatAcceptsAndNeverAnswersFailsTheMailJobsWhileTheAppAnswersAndAfterRetryEachMailGoesOutOnce() throws Exception {
		// REST's first answer includes its start-up; that is not what is measured below
		assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/engine-rest/task/count", String.class).getStatusCode().value())
			.isEqualTo(200);
		SMTP.hang();
		List<String> users = digestUsers(JOB_THREADS);
		List<Job> jobs = digestJobs();
		assertThat(jobs).hasSize(JOB_THREADS);

		for (int attempt = 1; attempt <= 3; attempt++) {
			int acceptedBefore = SMTP.accepted();
			ExecutorService executor = Executors.newFixedThreadPool(JOB_THREADS);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (Job job : jobs) {
					running.add(executor.submit(() -> scenario.management().executeJob(job.getId())));
				}
				awaitConnections(acceptedBefore + JOB_THREADS);

				// every mail job is stuck in SMTP now; the rest of the application answers at once
				long started = System.nanoTime();
				ResponseEntity<String> taskCount = rest.withBasicAuth("admin", "admin").getForEntity("/engine-rest/task/count", String.class);
				long restMillis = millisSince(started);
				assertThat(taskCount.getStatusCode().value()).isEqualTo(200);
				started = System.nanoTime();
				assertThat(scenario.tasks().createTaskQuery().count()).isPositive();
				reminders.sweep();
				long engineMillis = millisSince(started);
				System.out.printf("attempt %d while SMTP hangs: REST answered in %d ms, task query and sweep in %d ms%n", attempt,
						restMillis, engineMillis);
				// answered while every mail job still hangs (for up to the 10 s SMTP timeout), not after them; no
				// time limit here, the machine's speed is not what is tested
				assertThat(running).as("mail jobs still hanging when REST and the engine had answered").noneMatch(Future::isDone);
				assertThat(SMTP.accepted() - acceptedBefore).as("mail jobs hanging in SMTP meanwhile").isEqualTo(JOB_THREADS);

				// and each mail job gives up after the SMTP timeout instead of hanging for ever
				for (Future<?> job : running) {
					assertThat(failureOf(job, Duration.ofSeconds(40))).as("the mail job's failure").isNotNull();
				}
			}
			finally {
				SMTP.dropHangingConnections();
				executor.shutdownNow();
			}
			assertThat(statusOf(users)).as("attempt %d released its claims", attempt).containsOnly(ReminderRepository.PENDING);
			// the retry cycle is five minutes
			scenario.moveClockBy(Duration.ofMinutes(6));
		}

		List<Incident> incidents = incidentsOf(jobs);
		assertThat(incidents).hasSize(JOB_THREADS);
		assertThat(outboxRowsFor(users)).isZero();

		// the server recovers; an operator presses "Retry" on each incident in Cockpit
		SMTP.relayTo(reminders.server().port(), Duration.ZERO);
		for (Incident incident : incidents) {
			scenario.management().setJobRetries(incident.getConfiguration(), 1);
		}
		assertThat(reminders.sendPending()).isEmpty();

		for (String user : users) {
			assertThat(reminders.server().receivedBy(user)).as("mails to %s", user).hasSize(1);
		}
		assertThat(outboxRowsFor(users)).isEqualTo(JOB_THREADS);
		assertThat(statusOf(users)).containsOnly(ReminderRepository.SENT);
		assertThat(incidentsOf(jobs)).isEmpty();
	}

	@Test
	void theSameReminderJobRunTwiceAtOnceSendsOneMailAndTheOutboxShowsIt() throws Exception {
		// the server takes a second to greet: both runs are past their first look at the reminder
		// before either mail has left
		SMTP.relayTo(reminders.server().port(), Duration.ofSeconds(1));
		List<String> users = digestUsers(3);
		List<Job> jobs = digestJobs();
		assertThat(jobs).hasSize(3);

		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (Job job : jobs) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> runs = new ArrayList<>();
				for (int run = 0; run < 2; run++) {
					runs.add(executor.submit(() -> {
						start.await();
						scenario.management().executeJob(job.getId());
						return null;
					}));
				}
				start.countDown();
				for (Future<?> run : runs) {
					// the second run may fail (the reminder is being sent) or find it sent; it never sends
					failureOf(run, Duration.ofSeconds(30));
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		// a job whose run failed or rolled back runs again after its retry time: it sends nothing more
		scenario.moveClockBy(Duration.ofMinutes(6));
		assertThat(reminders.sendPending()).isEmpty();

		for (String user : users) {
			assertThat(reminders.server().receivedBy(user)).as("mails to %s", user).hasSize(1);
		}
		assertThat(outboxRowsFor(users)).as("rows in the Postausgang").isEqualTo(3);
		assertThat(statusOf(users)).containsOnly(ReminderRepository.SENT);
	}

	/**
	 * Users of the agency team who chose the weekly digest, and one task due within the digest's
	 * look-ahead: on Monday at 07:00 each of them is owed a digest, each a mail job of its own.
	 */
	private List<String> digestUsers(int count) {
		reminders.setClock(2026, 11, 2, 6, 0);
		List<String> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String address = reminders.userInGroup(PartyGroups.AGENCY_TEAM);
			scenario.engine().getIdentityService().setUserInfo(address.substring(0, address.indexOf('@')), Recipients.PREFERENCE_KEY,
					Recipients.WEEKLY);
			users.add(address);
		}
		ProcessInstance collaboration = scenario.startCollaboration("TH");
		Task task = scenario.task(collaboration, CollaborationProcess.Elements.INTRODUCTORY_TALKS);
		scenario.tasks().setDueDate(task.getId(), Date.from(LocalDateTime.of(2026, 11, 9, 23, 59).atZone(ZoneId.of("Europe/Berlin")).toInstant()));
		reminders.setClock(2026, 11, 2, 7, 0);
		reminders.digest();
		return users;
	}

	private List<Job> digestJobs() {
		return scenario.management().createJobQuery().processDefinitionKey(ReminderProcess.KEY).executable().list().stream()
			.filter(job -> ReminderProcess.SUBJECT_DIGEST.equals(subjectTypeOf(job)))
			.filter(job -> ReminderRepository.PENDING.equals(statusOfReminder(reminderIdOf(job))))
			.toList();
	}

	private String reminderIdOf(Job job) {
		return (String) scenario.runtime().getVariable(job.getProcessInstanceId(), ReminderProcess.VAR_REMINDER_ID);
	}

	private String subjectTypeOf(Job job) {
		return repository.find(reminderIdOf(job)).map(ReminderRepository.Reminder::subjectType).orElse(null);
	}

	private String statusOfReminder(String id) {
		return repository.find(id).map(ReminderRepository.Reminder::status).orElse(null);
	}

	private List<String> statusOf(List<String> addresses) {
		return jdbc.sql("select status from koop_reminder where subject_type = 'DIGEST' and subject_id in (:users)")
			.param("users", userIds(addresses))
			.query(String.class)
			.list();
	}

	private int outboxRowsFor(List<String> addresses) {
		return jdbc.sql("select count(*) from koop_mail_log l join koop_reminder r on r.id = l.reminder_id"
				+ " where r.subject_type = 'DIGEST' and r.subject_id in (:users)")
			.param("users", userIds(addresses))
			.query(Integer.class)
			.single();
	}

	private static List<String> userIds(List<String> addresses) {
		return addresses.stream().map(address -> address.substring(0, address.indexOf('@'))).toList();
	}

	private List<Incident> incidentsOf(List<Job> jobs) {
		List<String> ids = jobs.stream().map(Job::getId).toList();
		return scenario.runtime().createIncidentQuery().incidentType("failedJob").list().stream()
			.filter(incident -> ids.contains(incident.getConfiguration()))
			.toList();
	}

	private static void awaitConnections(int connections) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (SMTP.accepted() < connections && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/** The run's exception, or null if it ended normally; fails if it is still running after the wait. */
	private static Throwable failureOf(Future<?> run, Duration wait) throws InterruptedException {
		try {
			run.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return null;
		}
		catch (ExecutionException e) {
			return e.getCause();
		}
		catch (TimeoutException e) {
			throw new AssertionError("still running after " + wait.toSeconds() + " s", e);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
