package de.kooperation.system;

import java.lang.reflect.Field;

/**
 * The arguments of one of the engine's commands (task id, variables, user id). The engine keeps
 * them in protected fields without getters; the guards in its command chain read them here. An
 * engine upgrade that renames one fails the guards' tests, not silently.
 */
public final class CommandArguments {

	private CommandArguments() {
	}

	@SuppressWarnings("unchecked")
	public static <V> V of(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return (V) field.get(command);
			}
			catch (NoSuchFieldException e) {
				// declared in a superclass (ResolveTaskCmd extends CompleteTaskCmd)
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
	}

}
