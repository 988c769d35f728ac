package de.kooperation.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import de.kooperation.reminder.EmbeddedMailServer;
import de.kooperation.system.PostgresTestSchema;
import de.kooperation.shared.Zone;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * What the cluster tests and benchmarks share: one PostgreSQL schema, one SMTP server, the nodes
 * on them, a tiny process whose tasks are owed reminders, and checks on the database.
 */
final class ClusterSupport implements AutoCloseable {

	static final String REMINDER = "reminder";

	static final String SWEEP = "reminderSweep";

	/** A process with as many parallel tasks as asked for, all due at one moment, offered to {@link #TEAM}. */
	static final String WORK = "clusterWork";

	static final String TEAM = "cluster-team";

	static final String RECIPIENT = "cluster.user@example.org";

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	private static final Pattern TASK_LINK = Pattern.compile("\\?task=([0-9a-f-]{36})");

	/** Where the nodes keep their data: a fresh PostgreSQL schema or an in-memory H2 database. */
	record Database(String url, String user, String password, String postgresSchema, Runnable drop) {

		static Database freshPostgresSchema() {
			PostgresTestSchema schema = PostgresTestSchema.create();
			return new Database(schema.url(), schema.user(), schema.password(), schema.name(), schema::close);
		}

		/** In this JVM only: a single node (H2 has no cluster), or a benchmark's baseline. */
		static Database freshH2() {
			return new Database("jdbc:h2:mem:cluster-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", null,
					() -> {
					});
		}

		/**
		 * A file database as the application keeps it by default (one node: H2 embedded allows one
		 * process at a time, so only one node or this test may have it open).
		 */
		static Database h2File(java.nio.file.Path dir) {
			return new Database("jdbc:h2:file:" + dir.toAbsolutePath().resolve("kooperation") + ";AUTO_SERVER=FALSE", "sa", "", null,
					() -> {
					});
		}

		boolean postgres() {
			return postgresSchema != null;
		}

		Connection connect() throws SQLException {
			return java.sql.DriverManager.getConnection(url, user, password);
		}

	}

	private final Database schema;

	private final EmbeddedMailServer smtp;

	private final List<AutoCloseable> nodes = new ArrayList<>();

	/** The engine clock's offset from the machine's, as last set by {@link #clockAt}. */
	private long clockOffset;

	ClusterSupport(Database schema, EmbeddedMailServer smtp) {
		this.schema = schema;
		this.smtp = smtp;
		smtp.start();
	}

	Database database() {
		return schema;
	}

	/** Starts a node on the shared schema and SMTP server; extra settings win. */
	ClusterNode node(String name, Map<String, String> extra) {
		Map<String, String> settings = ClusterNode.settings(name, schema, smtp.port());
		settings.putAll(extra);
		ClusterNode node = ClusterNode.start(name, settings);
		synchronized (nodes) {
			nodes.add(node);
		}
		return node;
	}

	/**
	 * Starts a node in a JVM of its own (which a test can kill), on the shared schema and SMTP
	 * server, with the engine clock where the test has it; its output goes to target/.
	 */
	ForkedNode fork(String name, Map<String, String> extra) {
		Map<String, String> settings = ClusterNode.settings(name, schema, smtp.port());
		settings.putAll(extra);
		ForkedNode node = ForkedNode.start(name, settings, clockOffset, java.nio.file.Path.of("target", "cluster-" + name + ".log"));
		synchronized (nodes) {
			nodes.add(node);
		}
		return node;
	}

	void deployWork(ClusterNode node) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(WORK)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("user_work")
			.name("Clusteraufgabe")
			.camundaCandidateGroups(TEAM)
			.camundaDueDate("${due}")
			.endEvent()
			.done();
		node.engine().getRepositoryService().createDeployment().name(WORK).addModelInstance(WORK + ".bpmn", model).deploy();
	}

	/** The one member of {@link #TEAM}, with a mail address: every reminder goes to her. */
	void recipient(ClusterNode node) {
		IdentityService identity = node.engine().getIdentityService();
		identity.saveGroup(identity.newGroup(TEAM));
		User user = identity.newUser("cluster.user");
		user.setFirstName("Cluster");
		user.setLastName("Test");
		user.setEmail(RECIPIENT);
		identity.saveUser(user);
		identity.createMembership(user.getId(), TEAM);
	}

	ProcessInstance startWork(ClusterNode node, LocalDateTime due) {
		return node.engine().getRuntimeService().startProcessInstanceByKey(WORK, Map.of("due", Date.from(due.atZone(ZONE).toInstant())));
	}

	/**
	 * Starts that many instances of the work process, one task each, all due at {@code due}: a
	 * hundred per transaction, the way a busy day adds up. Returns the ids of their tasks.
	 */
	Set<String> startWork(ClusterNode node, int tasks, LocalDateTime due) {
		org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
				node.bean(org.springframework.transaction.PlatformTransactionManager.class));
		for (int started = 0; started < tasks; started += 100) {
			int chunk = Math.min(100, tasks - started);
			transaction.executeWithoutResult(status -> {
				for (int i = 0; i < chunk; i++) {
					startWork(node, due);
				}
			});
		}
		Set<String> ids = new HashSet<>();
		for (Task task : node.engine().getTaskService().createTaskQuery().processDefinitionKey(WORK)
			.dueDate(Date.from(due.atZone(ZONE).toInstant())).list()) {
			ids.add(task.getId());
		}
		return ids;
	}

	/** Deletes every running instance of the work process. */
	void deleteWork(ClusterNode node) {
		List<String> ids = node.engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(WORK).list().stream()
			.map(ProcessInstance::getId).toList();
		if (!ids.isEmpty()) {
			node.engine().getRuntimeService().deleteProcessInstances(ids, "done", true, true);
		}
	}

	/** The engine clock of all nodes (JVM-wide, like NTP-synchronised machines), running on from there. */
	void clockAt(LocalDateTime time) {
		clockOffset = time.atZone(ZONE).toInstant().toEpochMilli() - System.currentTimeMillis();
		ClockUtil.offset(clockOffset);
	}

	void clearMail() {
		smtp.stop();
		smtp.start();
	}

	/**
	 * Mails of a reminder run: how many arrived, tasks without one, tasks with more than one; how
	 * long the sweep took until its reminders were committed, and the whole run until the last mail.
	 */
	record Outcome(int mails, Set<String> lost, Map<String, Integer> duplicates, Duration sweep, Duration took) {

		double perSecond() {
			return mails * 1000.0 / Math.max(1, took.toMillis());
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%d mails, %d tasks without, %d with more than one; sweep %.1f s, all sent after %.1f s (%.1f mails/s)",
					mails, lost.size(), duplicates.size(), sweep.toMillis() / 1000.0, took.toMillis() / 1000.0, perSecond());
		}

	}

	/**
	 * Waits (from now, when the clock has just made the sweep due) until the reminders of these
	 * tasks (due at {@code due}) were decided on, no reminder job is left, and every task had its
	 * mail, or the timeout passed; then counts the mails per task.
	 */
	Outcome awaitReminders(ClusterNode running, Set<String> taskIds, LocalDateTime due, Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		Duration sweep = null;
		while (System.nanoTime() < deadline) {
			if (sweep == null && remindersByStatus(due).values().stream().mapToInt(Integer::intValue).sum() > 0) {
				sweep = Duration.ofNanos(System.nanoTime() - started);
			}
			boolean jobsLeft = running.engine().getManagementService().createJobQuery().processDefinitionKey(REMINDER).count() > 0;
			if (sweep != null && !jobsLeft && smtp.received().size() >= taskIds.size()) {
				break;
			}
			sleep(200);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Map<String, Integer> perTask = mailsPerTask();
		Set<String> lost = new HashSet<>(taskIds);
		lost.removeAll(perTask.keySet());
		Map<String, Integer> duplicates = new TreeMap<>();
		perTask.forEach((task, count) -> {
			if (count > 1) {
				duplicates.put(task, count);
			}
		});
		return new Outcome(perTask.values().stream().mapToInt(Integer::intValue).sum(), lost, duplicates,
				sweep == null ? took : sweep, took);
	}

	void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for: " + what);
			}
			sleep(100);
		}
	}

	/** Task id (from the Tasklist link in the mail) → number of mails that arrived for it. */
	Map<String, Integer> mailsPerTask() {
		Map<String, Integer> perTask = new HashMap<>();
		for (MimeMessage message : smtp.received()) {
			Matcher link = TASK_LINK.matcher(text(message));
			if (link.find()) {
				perTask.merge(link.group(1), 1, Integer::sum);
			}
		}
		return perTask;
	}

	/** Task id → the distinct Message-IDs of the mails that arrived for it. */
	Map<String, Set<String>> messageIdsPerTask() {
		Map<String, Set<String>> perTask = new HashMap<>();
		for (MimeMessage message : smtp.received()) {
			Matcher link = TASK_LINK.matcher(text(message));
			if (link.find()) {
				try {
					perTask.computeIfAbsent(link.group(1), task -> new HashSet<>()).add(message.getMessageID());
				}
				catch (jakarta.mail.MessagingException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return perTask;
	}

	int mailCount() {
		return smtp.received().size();
	}

	private static String text(Part part) {
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
			if (content instanceof Multipart multipart) {
				StringBuilder all = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					all.append(text(multipart.getBodyPart(i))).append('\n');
				}
				return all.toString();
			}
			return "";
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Process definitions or forms: versions per key. */
	Map<String, Integer> countsByKey(String table) {
		return query("select key_, count(*) from " + table + " group by key_", List.of(), rows -> {
			Map<String, Integer> counts = new TreeMap<>();
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getInt(2));
			}
			return counts;
		});
	}

	/** Reminders of tasks due at that moment, by status. */
	Map<String, Integer> remindersByStatus(LocalDateTime due) {
		return query("select status, count(*) from koop_reminder where due_at = ? group by status",
				List.of(Timestamp.from(due.atZone(ZONE).toInstant())), rows -> {
					Map<String, Integer> counts = new TreeMap<>();
					while (rows.next()) {
						counts.put(rows.getString(1), rows.getInt(2));
					}
					return counts;
				});
	}

	/** Rows of the "Postausgang" for reminders of tasks due at that moment. */
	int mailLogRows(LocalDateTime due) {
		return query("select count(*) from koop_mail_log m join koop_reminder r on r.id = m.reminder_id where r.due_at = ?",
				List.of(Timestamp.from(due.atZone(ZONE).toInstant())), rows -> {
					rows.next();
					return rows.getInt(1);
				});
	}

	/** Successful jobs of the reminder process, per node (the job log's host name). */
	Map<String, Integer> reminderJobsByNode() {
		return query("select l.hostname_, count(*) from act_hi_job_log l join act_re_procdef d on d.id_ = l.process_def_id_"
				+ " where d.key_ = ? and l.job_state_ = 2 group by l.hostname_", List.of(REMINDER), rows -> {
					Map<String, Integer> counts = new TreeMap<>();
					while (rows.next()) {
						counts.put(rows.getString(1), rows.getInt(2));
					}
					return counts;
				});
	}

	int successfulJobsOf(String node) {
		return query("select count(*) from act_hi_job_log where hostname_ = ? and job_state_ = 2", List.of(node), rows -> {
			rows.next();
			return rows.getInt(1);
		});
	}

	/** Jobs locked right now by job executors other than these (by their lock owners). */
	Set<String> jobsLockedByOthersThan(String... lockOwners) {
		String sql = "select id_ from act_ru_job where lock_owner_ is not null"
				+ " and lock_owner_ not in (" + String.join(",", java.util.Collections.nCopies(lockOwners.length, "?")) + ")";
		return query(sql, List.of((Object[]) lockOwners), rows -> {
			Set<String> ids = new HashSet<>();
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
			return ids;
		});
	}

	/** The nodes that executed these jobs successfully. */
	Set<String> successfulNodesOf(Set<String> jobIds) {
		Set<String> nodeNames = new HashSet<>();
		for (String jobId : jobIds) {
			nodeNames.addAll(query("select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2", List.of(jobId), rows -> {
				Set<String> names = new HashSet<>();
				while (rows.next()) {
					names.add(rows.getString(1));
				}
				return names;
			}));
		}
		return nodeNames;
	}

	interface Rows<T> {

		T read(ResultSet rows) throws SQLException;

	}

	<T> T query(String sql, List<Object> params, Rows<T> reader) {
		try (Connection connection = schema.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.size(); i++) {
				statement.setObject(i + 1, params.get(i));
			}
			try (ResultSet rows = statement.executeQuery()) {
				return reader.read(rows);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Stops all nodes, then the SMTP server, then drops the schema. */
	@Override
	public void close() {
		RuntimeException first = null;
		for (AutoCloseable node : nodes) {
			try {
				node.close();
			}
			catch (Exception e) {
				first = first == null ? new IllegalStateException(e) : first;
			}
		}
		smtp.stop();
		schema.drop().run();
		if (first != null) {
			throw first;
		}
	}

}
