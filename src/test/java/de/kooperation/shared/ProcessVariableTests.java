package de.kooperation.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Typed variables store exactly what the forms and the code stored before they were typed, so the
 * variables of running collaborations read as before.
 */
class ProcessVariableTests {

	private static final ProcessVariable<LocalDate> DAY = ProcessVariable.day("exploratoryMeetingDate");

	@Test
	void aDayIsStoredAsTheFormsDatePickerSendsIt() {
		assertThat(DAY.stored(LocalDate.of(2027, 1, 15))).isEqualTo("2027-01-15");
		assertThat(DAY.stored(null)).isNull();
	}

	@Test
	void aDayReadsWhatTheFormARestClientOrAnOlderVersionStored() {
		assertThat(DAY.of("2027-01-15").get()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(DAY.of("2027-01-15T00:00:00.000+01:00").get()).isEqualTo(LocalDate.of(2027, 1, 15));
		Date noonThatDay = Date.from(LocalDate.of(2027, 1, 15).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
		assertThat(DAY.of(noonThatDay).get()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(DAY.of("15.01.2027").orNull()).as("not a date the form sends").isNull();
		assertThat(DAY.of(null).getOptional()).isEmpty();
	}

	@Test
	void aMissingValueIsAnErrorOnlyWhereTheProcessNeedsIt() {
		assertThat(DAY.of(null).orElse(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThatThrownBy(() -> DAY.of(null).get()).hasMessageContaining("exploratoryMeetingDate");
	}

	@Test
	void aCheckboxThatWasNotTickedOrSentAsTextIsNotYes() {
		ProcessVariable<Boolean> postponed = ProcessVariable.flag("exploratoryMeetingPostponed");

		assertThat(postponed.of(true).orElse(false)).isTrue();
		assertThat(postponed.of(null).orElse(false)).isFalse();
		assertThat(postponed.of("true").orElse(false)).as("as before: only a Boolean counts").isFalse();
	}

	@Test
	void anEmptyTextFieldCountsAsNothingEntered() {
		ProcessVariable<String> topics = ProcessVariable.text("analysisTopics");

		assertThat(topics.of("  ").isBlank()).isTrue();
		assertThat(topics.of(null).isBlank()).isTrue();
		assertThat(topics.of("Bildungsmonitoring").isBlank()).isFalse();
		assertThat(topics.of(42).get()).as("any other value by its text").isEqualTo("42");
	}

	@Test
	void aVersionStoredAsAnyNumberReadsAsItsWholeNumber() {
		ProcessVariable<Integer> version = ProcessVariable.integer("agreementVersion");

		assertThat(version.stored(2)).isEqualTo(2);
		assertThat(version.of(2L).get()).isEqualTo(2);
		assertThat(version.of("2").orNull()).isNull();
	}

	@Test
	void rowsAreStoredAsJsonAsTasklistSendsThemAndReadBack() {
		ProcessVariable<List<Map<String, Object>>> experts = ProcessVariable.rows("baselineAnalysisExpertSelection");
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", "Dr. Anna Schulz");
		row.put("role", "Schulamt");
		List<Map<String, Object>> rows = List.of(row);

		Object stored = experts.stored(rows);

		assertThat(stored).isInstanceOf(JsonValue.class);
		assertThat(((JsonValue) stored).getValueSerialized()).isEqualTo("[{\"name\":\"Dr. Anna Schulz\",\"role\":\"Schulamt\"}]");
		assertThat(experts.of(stored).get()).isEqualTo(rows);
		assertThat(experts.of(rows).get()).as("a list from a REST client or a test").isEqualTo(rows);
		assertThat(experts.of(null).get()).as("no variable: no rows").isEmpty();
		assertThat(experts.of("Anna Schulz; Schulamt").orNull()).as("no list at all").isNull();
	}

	@Test
	void aLevelIsStoredAsTheFormsSelectSendsIt() {
		ProcessVariable<MaturityLevel> level = MaturityLevel.variable("baselineAssessmentStrategicGoals");

		assertThat(level.stored(MaturityLevel.values()[1])).isEqualTo("2");
		assertThat(level.of("2").get()).isEqualTo(MaturityLevel.values()[1]);
		assertThat(level.of(2).get()).as("a REST client's number").isEqualTo(MaturityLevel.values()[1]);
	}

}
