package de.kooperation.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and the type the code reads it as, in the style of
 * camunda-bpm-data: declared once in its process's holder ({@code CollaborationProcess.Typed.FUNDING_END}),
 * read as {@code FUNDING_END.from(execution).get()}, written as {@code FUNDING_END.on(execution).set(value)}.
 * No cast, {@code toString()} or {@code instanceof} at the call site.
 *
 * <p>Each type reads what the forms, REST clients and our own code store today and writes exactly that
 * again, so the variables of running instances (H2, PostgreSQL) read as before:
 * <ul>
 * <li>{@link #text}: a String (any other value is read by its text);</li>
 * <li>{@link #flag}: a Boolean (a checkbox); anything else counts as not set;</li>
 * <li>{@link #integer}: an Integer (any Number is read by its int value);</li>
 * <li>{@link #day}: a day as the form's date picker sends it, the String {@code yyyy-MM-dd} (a longer
 * ISO text is read by its first ten characters), or a {@link Date} from a REST client; written as
 * {@code yyyy-MM-dd};</li>
 * <li>{@link #moment}: a {@link Date} (an end of funding, a signing, the time something happened);</li>
 * <li>{@link #rows}: the rows of a form's dynamic list, as Json (see {@link JsonRows});</li>
 * <li>{@link #object}: a value stored as it is, e.g. a list our own code builds.</li>
 * </ul>
 * A value of another type reads as absent (null), as the hand-made casts' checks did before.
 *
 * @param <T> the type the code reads and writes
 */
public final class ProcessVariable<T> {

	private final String name;

	private final Function<Object, T> reader;

	private final Function<T, Object> writer;

	private ProcessVariable(String name, Function<Object, T> reader, Function<T, Object> writer) {
		this.name = name;
		this.reader = reader;
		this.writer = writer;
	}

	/** A text variable (a form's text field, select or our own text). */
	public static ProcessVariable<String> text(String name) {
		return new ProcessVariable<>(name, raw -> raw == null ? null : raw.toString(), value -> value);
	}

	/** A yes/no variable (a form's checkbox, a decision steering a gateway). */
	public static ProcessVariable<Boolean> flag(String name) {
		return new ProcessVariable<>(name, raw -> raw instanceof Boolean flag ? flag : null, value -> value);
	}

	/** A whole number (a version, a counter). */
	public static ProcessVariable<Integer> integer(String name) {
		return new ProcessVariable<>(name, raw -> raw instanceof Number number ? number.intValue() : null, value -> value);
	}

	/** A day, stored as {@code yyyy-MM-dd} as the forms' date pickers send it. */
	public static ProcessVariable<LocalDate> day(String name) {
		return new ProcessVariable<>(name, ProcessVariable::toDay, LocalDate::toString);
	}

	/** A point in time, stored as a {@link Date}. */
	public static ProcessVariable<Date> moment(String name) {
		return new ProcessVariable<>(name, raw -> raw instanceof Date date ? date : null, value -> value);
	}

	/**
	 * The rows of a form's dynamic list, stored as Json as Tasklist sends and reads them: no variable
	 * reads as no rows, a value that is no list as null (see {@link JsonRows#read}).
	 */
	public static ProcessVariable<List<Map<String, Object>>> rows(String name) {
		return new ProcessVariable<>(name, JsonRows::read, JsonRows::toJson);
	}

	/** A value stored as it is, read only when it has the given type. */
	public static <T> ProcessVariable<T> object(String name, Class<T> type) {
		return new ProcessVariable<>(name, raw -> type.isInstance(raw) ? type.cast(raw) : null, value -> value);
	}

	/** A variable of a type of the kernel's own: how it is read from what is stored, and stored. */
	static <T> ProcessVariable<T> custom(String name, Function<Object, T> reader, Function<T, Object> writer) {
		return new ProcessVariable<>(name, raw -> raw == null ? null : reader.apply(raw), writer);
	}

	/** The variable's name, as BPMN, forms and the REST API know it. */
	public String name() {
		return name;
	}

	/** Its value as the scope sees it (its own, else a parent scope's). */
	public Value<T> from(VariableScope scope) {
		return new Value<>(this, scope.getVariable(name));
	}

	/** Its value in this scope only (e.g. one interview of a multi-instance). */
	public Value<T> fromLocal(VariableScope scope) {
		return new Value<>(this, scope.getVariableLocal(name));
	}

	/** Its value as a task sees it, read through the engine's API (outside a listener). */
	public Value<T> fromTask(TaskService taskService, String taskId) {
		return new Value<>(this, taskService.getVariable(taskId, name));
	}

	/** Its value as an execution (e.g. a process instance) sees it, read through the engine's API. */
	public Value<T> fromExecution(RuntimeService runtimeService, String executionId) {
		return new Value<>(this, runtimeService.getVariable(executionId, name));
	}

	/** Its value among variables read at once, e.g. {@code task.getVariables()} or a history query's. */
	public Value<T> from(Map<String, ?> variables) {
		return new Value<>(this, variables.get(name));
	}

	/** A value read elsewhere, e.g. {@code runtimeService.getVariable(id, FUNDING_END.name())}. */
	public Value<T> of(Object raw) {
		return new Value<>(this, raw);
	}

	/** Writing the variable in a scope. */
	public Writer<T> on(VariableScope scope) {
		return new Writer<>(this, scope);
	}

	/** The value as it is stored (null stays null). */
	public Object stored(T value) {
		return value == null ? null : writer.apply(value);
	}

	@Override
	public String toString() {
		return name;
	}

	/** The form's date picker sends yyyy-MM-dd; a REST client may send a Date. Anything else is no day. */
	public static LocalDate toDay(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
		}
		if (value instanceof String text) {
			try {
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
		return null;
	}

	/** A variable's value as read: typed, or absent when not set or not of the type. */
	public static final class Value<T> {

		private final ProcessVariable<T> variable;

		private final Object raw;

		private Value(ProcessVariable<T> variable, Object raw) {
			this.variable = variable;
			this.raw = raw;
		}

		/** The value; a variable that is missing or of another type is an error of the process. */
		public T get() {
			T value = orNull();
			if (value == null) {
				throw new IllegalStateException("process variable '" + variable.name + "' is missing or unreadable: " + raw);
			}
			return value;
		}

		public T orNull() {
			return variable.reader.apply(raw);
		}

		public T orElse(T fallback) {
			T value = orNull();
			return value == null ? fallback : value;
		}

		public Optional<T> getOptional() {
			return Optional.ofNullable(orNull());
		}

		/** Not set, or set to a value without text (an empty text field): a form's "nothing entered". */
		public boolean isBlank() {
			return raw == null || raw.toString().isBlank();
		}

		/** The value as stored, for a message that shows what was given. */
		public Object raw() {
			return raw;
		}

	}

	/** Writing a variable in one scope. */
	public static final class Writer<T> {

		private final ProcessVariable<T> variable;

		private final VariableScope scope;

		private Writer(ProcessVariable<T> variable, VariableScope scope) {
			this.variable = variable;
			this.scope = scope;
		}

		/** Sets the value where the variable lives (else in the process instance); null clears it. */
		public void set(T value) {
			scope.setVariable(variable.name, variable.stored(value));
		}

		/** Sets the value in this scope only. */
		public void setLocal(T value) {
			scope.setVariableLocal(variable.name, variable.stored(value));
		}

		public void remove() {
			scope.removeVariable(variable.name);
		}

	}

}
