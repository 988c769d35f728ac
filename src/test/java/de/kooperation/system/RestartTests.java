package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.kooperation.KooperationApplication;
import de.kooperation.StartsItsOwnApplication;

/** The default run restarted on its H2 file: no new process versions, no second set of demo data. */
@StartsItsOwnApplication
class RestartTests {

	@TempDir
	Path dataDir;

	@Test
	void aRestartWithUnchangedModelsDeploysNothingNewAndCreatesNoDemoDataTwice() throws Exception {
		Map<String, Integer> versionsBefore;
		long collaborationsBefore;
		try (ConfigurableApplicationContext first = start()) {
			versionsBefore = latestVersions(first);
			collaborationsBefore = collaborations(first);
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(latestVersions(second)).isEqualTo(versionsBefore).containsEntry("collaboration", 1);
			assertThat(second.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count()).isOne();
			// one per demo Kommune: Eisenach, Nienburg/Weser, Worms, Chemnitz
			assertThat(collaborations(second)).isEqualTo(collaborationsBefore).isEqualTo(4);
		}
		assertThat(Files.list(dataDir)).isNotEmpty();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(KooperationApplication.class).run(
				"--kooperation.data-dir=" + dataDir,
				"--server.port=0",
				"--kooperation.mail.embedded-port=0",
				// a name of its own: engines register JVM-wide by name, other test contexts use "default"
				"--camunda.bpm.process-engine-name=restart-test",
				"--camunda.bpm.job-execution.enabled=false");
	}

	private static Map<String, Integer> latestVersions(ConfigurableApplicationContext app) {
		Map<String, Integer> versions = new TreeMap<>();
		for (ProcessDefinition definition : app.getBean(ProcessEngine.class).getRepositoryService()
			.createProcessDefinitionQuery().latestVersion().list()) {
			versions.put(definition.getKey(), definition.getVersion());
		}
		return versions;
	}

	private static long collaborations(ConfigurableApplicationContext app) {
		return app.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey("collaboration").count();
	}

}
