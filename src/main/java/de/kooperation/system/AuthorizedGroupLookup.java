package de.kooperation.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before every authorization check the engine asks which of the user's groups hold any
 * authorization, and finds out by reading the distinct group of every row of
 * {@code ACT_RU_AUTHORIZATION}, once per command. Every open task adds a row (its candidate group's
 * task permission), so with 100,000 open tasks each Tasklist query of a Kommune user read 100,000
 * rows twice (list and count): 61 ms instead of 3 ms on PostgreSQL (TasklistQueryBenchmark), and
 * growing with every Kommune's tasks. This asks only about the user's own groups, through the index
 * on {@code GROUP_ID_}; the answer is the same.
 *
 * <p>Replaces the engine's authorization manager by a subclass that differs in this one method
 * (a custom session factory, the engine's own extension point for its managers).
 */
@Component
class AuthorizedGroupLookup extends AbstractProcessEnginePlugin {

	/** Group ids per statement: well below any database's limit for IN lists. */
	private static final int CHUNK = 500;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new OwnGroupsAuthorizationManager();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

	static class OwnGroupsAuthorizationManager extends AuthorizationManager {

		/** Per command, as the engine's own answer is kept. */
		private final Map<List<String>, List<String>> answers = new HashMap<>();

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
				return Collections.emptyList();
			}
			return new ArrayList<>(answers.computeIfAbsent(List.copyOf(authenticatedGroupIds), this::withAuthorizations));
		}

		private List<String> withAuthorizations(List<String> groupIds) {
			String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
			// the command's own connection and transaction, as the engine's query would use
			Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
			List<String> distinct = new ArrayList<>(new LinkedHashSet<>(groupIds));
			Set<String> found = new LinkedHashSet<>();
			for (int from = 0; from < distinct.size(); from += CHUNK) {
				List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
				String sql = "select distinct GROUP_ID_ from " + table + " where GROUP_ID_ in ("
						+ String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					for (int i = 0; i < chunk.size(); i++) {
						statement.setString(i + 1, chunk.get(i));
					}
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							found.add(rows.getString(1));
						}
					}
				}
				catch (SQLException e) {
					throw new ProcessEngineException("Berechtigte Gruppen konnten nicht gelesen werden: " + e.getMessage(), e);
				}
			}
			return List.copyOf(found);
		}

	}

}
