package de.kooperation.shared;

import java.util.Optional;

/**
 * Entwicklungstyp of one {@link CoreElement}: from Typ 1 (ad hoc, single offices) to Typ 4
 * (institutionalised, data-driven).
 */
public enum MaturityLevel {

	TYPE_1(1), TYPE_2(2), TYPE_3(3), TYPE_4(4);

	private final int value;

	MaturityLevel(int value) {
		this.value = value;
	}

	/** 1 to 4. */
	public int value() {
		return value;
	}

	/** German label, e.g. "Typ 2". */
	public String label() {
		return "Typ " + value;
	}

	/**
	 * The level a form or REST client sent: a Camunda Form select sends "2", REST clients may
	 * send the number 2. Empty for anything else.
	 */
	public static Optional<MaturityLevel> of(Object value) {
		if (value == null) {
			return Optional.empty();
		}
		String text = value instanceof Number number && number.doubleValue() == number.intValue()
				? Integer.toString(number.intValue()) : value.toString().trim();
		for (MaturityLevel level : values()) {
			if (Integer.toString(level.value).equals(text)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

	/** A variable holding a level as a form's select stores it ("2"); a REST client may send the number. */
	public static ProcessVariable<MaturityLevel> variable(String name) {
		return ProcessVariable.custom(name, raw -> of(raw).orElse(null), level -> Integer.toString(level.value));
	}

}
