package de.kooperation.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.kooperation.KooperationApplication;

/**
 * One application node of a cluster: the whole application in a Spring context of its own, on a
 * shared PostgreSQL schema, with its job executor on, sending mail to a shared SMTP server. Several
 * nodes run in one JVM as they would on several machines: they share nothing but the database,
 * the SMTP server and the engine clock (which real machines share by NTP).
 */
final class ClusterNode implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private ClusterNode(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	/** Settings of a test node; every one can be overridden by {@code extra}. */
	static Map<String, String> settings(String name, ClusterSupport.Database database, int smtpPort) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", database.url());
		settings.put("spring.datasource.username", database.user());
		settings.put("spring.datasource.password", database.password());
		// more connections than job executor threads (at most 10): a mail job briefly needs a second one
		// for its claim and its record (see application.yaml)
		settings.put("spring.datasource.hikari.maximum-pool-size", "14");
		settings.put("camunda.bpm.database.type", database.postgres() ? "postgres" : "h2");
		if (database.postgres()) {
			// where the engine looks for its tables: without it, it may find those of another schema
			settings.put("camunda.bpm.database.schema-name", database.postgresSchema());
			settings.put("camunda.bpm.database.table-prefix", database.postgresSchema() + ".");
		}
		settings.put("spring.main.banner-mode", "off");
		// each node a web server of its own (Tasklist, REST) on a free port
		settings.put("server.port", "0");
		settings.put("kooperation.demo-data", "false");
		settings.put("kooperation.mail.embedded", "false");
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", Integer.toString(smtpPort));
		// the node's name in the job log (ACT_HI_JOB_LOG.HOSTNAME_) and in the engine registry
		settings.put("camunda.bpm.generic-properties.properties.hostname", name);
		settings.put("camunda.bpm.process-engine-name", name.replace("-", ""));
		settings.put("camunda.bpm.job-execution.enabled", "true");
		settings.put("camunda.bpm.job-execution.deployment-aware", "false");
		// jobs another node created are seen within a second (the default idle wait grows to a minute)
		settings.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
		settings.put("camunda.bpm.job-execution.max-wait", "1000");
		settings.put("camunda.bpm.job-execution.lock-time-in-millis", "60000");
		// a reminder claimed by a node that died may be claimed again after 2 seconds (3 minutes by
		// default): with the short lock times of these tests its job runs elsewhere within seconds
		settings.put("kooperation.reminder.claim-timeout", "PT2S");
		settings.put("logging.level.org.camunda.bpm.engine.jobexecutor", "warn");
		return settings;
	}

	static ClusterNode start(String name, Map<String, String> settings) {
		List<String> args = new ArrayList<>();
		// command-line arguments: they win over application.yaml (default properties would not)
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(KooperationApplication.class)
			.run(args.toArray(String[]::new));
		return new ClusterNode(name, context);
	}

	String name() {
		return name;
	}

	ProcessEngine engine() {
		return context.getBean(ProcessEngine.class);
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	JobExecutor jobExecutor() {
		return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor();
	}

	/** The port the node's web server listens on. */
	int port() {
		return ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer().getPort();
	}

	boolean running() {
		return context.isActive();
	}

	/** Stops the node: its job executor, engine and connections; jobs it had locked stay locked. */
	@Override
	public void close() {
		if (context.isActive()) {
			context.close();
		}
	}

}
