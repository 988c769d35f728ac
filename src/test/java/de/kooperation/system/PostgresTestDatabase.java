package de.kooperation.system;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a test's Spring context on PostgreSQL instead of its in-memory H2 database, when the test
 * run asks for it with {@code -Dkooperation.test.database=postgres} (the second Surefire execution
 * in pom.xml does): each context gets a fresh schema of its own, created before the context starts
 * and dropped after its DataSource is closed. Contexts on another database (the cluster tests
 * bring their own schema) stay as they are. Registered for every Spring Boot application in test
 * runs by {@code src/test/resources/META-INF/spring.factories}.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String SWITCH = "kooperation.test.database";

	private static final String DROPPER = "postgresTestSchemaDropper";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		if (!"postgres".equals(environment.getProperty(SWITCH))
				|| !environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:mem:")) {
			return;
		}
		PostgresTestSchema schema = PostgresTestSchema.create();
		environment.getPropertySources().addFirst(new MapPropertySource("postgresTestSchema", Map.of(
				"spring.datasource.url", schema.url(),
				"spring.datasource.username", schema.user(),
				"spring.datasource.password", schema.password(),
				// several cached test contexts are open at once; the server allows 100 connections
				"spring.datasource.hikari.maximum-pool-size", "4",
				"camunda.bpm.database.type", "postgres",
				// where the engine looks for its tables: without it, it finds those of another context's schema
				"camunda.bpm.database.schema-name", schema.name(),
				"camunda.bpm.database.table-prefix", schema.name() + ".")));
		context.addBeanFactoryPostProcessor(beanFactory -> {
			// the schema is dropped last: the DataSource (and so the engine and everything that uses
			// it) depends on the bean that drops it, and Spring destroys dependents first
			RootBeanDefinition dropper = new RootBeanDefinition(Dropper.class, () -> new Dropper(schema));
			((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(DROPPER, dropper);
			for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
				BeanDefinition dataSource = beanFactory.getBeanDefinition(name);
				String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
				String[] withDropper = java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
				withDropper[dependsOn.length] = DROPPER;
				dataSource.setDependsOn(withDropper);
			}
		});
	}

	static final class Dropper implements DisposableBean {

		private final PostgresTestSchema schema;

		Dropper(PostgresTestSchema schema) {
			this.schema = schema;
		}

		@Override
		public void destroy() {
			schema.close();
		}

	}

}
