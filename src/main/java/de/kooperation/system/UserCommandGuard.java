package de.kooperation.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A check in the engine's command chain for what a logged-in user asks the engine to do, whatever
 * the path the request came by (the REST API in all its variants, the webapps' API, the Java API
 * used with a user). It sees only the outermost command: what our own code runs inside a command
 * (listeners, lookups the check itself makes) is not a request of the user. Commands without a
 * logged-in user (start-up, jobs) pass.
 */
public abstract class UserCommandGuard extends CommandInterceptor {

	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	protected final ProcessEngineConfigurationImpl engine;

	protected UserCommandGuard(ProcessEngineConfigurationImpl engine) {
		this.engine = engine;
	}

	/** Adds the guard before the engine's own interceptors (and so before its transaction). */
	public static void register(ProcessEngineConfigurationImpl configuration, UserCommandGuard guard) {
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
		if (interceptors == null) {
			interceptors = new ArrayList<>();
			configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		}
		interceptors.add(guard);
	}

	@Override
	public final <T> T execute(Command<T> command) {
		int[] level = depth.get();
		level[0]++;
		try {
			Authentication caller = level[0] == 1 ? engine.getIdentityService().getCurrentAuthentication() : null;
			if (caller == null || caller.getUserId() == null) {
				return next.execute(command);
			}
			return guard(command, caller);
		}
		finally {
			level[0]--;
		}
	}

	/** Checks a user's command and runs it ({@code next.execute}), answers instead of it, or refuses it. */
	protected abstract <T> T guard(Command<T> command, Authentication caller);

}
