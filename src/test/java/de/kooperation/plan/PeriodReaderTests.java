package de.kooperation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods as Kommunen write them, read as ranges of days; the text itself is always kept. */
class PeriodReaderTests {

	static final LocalDate PROJECT_END = LocalDate.of(2021, 12, 31);

	@ParameterizedTest(name = "{1}: „{0}“ → {2} bis {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Sep                                               | 2019 | 2019-09-01 | 2019-09-30 | false
			März                                              | 2020 | 2020-03-01 | 2020-03-31 | false
			Beginn: Juni bis Dezember                         | 2019 | 2019-06-01 | 2019-12-31 | false
			Juni bis Dezember 2020                            | 2019 | 2020-06-01 | 2020-12-31 | false
			03/2020 – 06/2020                                 | 2020 | 2020-03-01 | 2020-06-30 | false
			ab Juni 2019 bis Projektende                      | 2019 | 2019-06-01 | 2021-12-31 | false
			ab 2020 bis Projektende vorgesehen                | 2020 | 2020-01-01 | 2021-12-31 | false
			ab Oktober 2020 bis über Projektende hinaus.      | 2020 | 2020-10-01 | -          | true
			ab Dezember; Aktualisierung im Projektverlauf     | 2019 | 2019-12-01 | -          | true
			laufend                                           | 2021 | 2021-01-01 | -          | true
			im Projektverlauf                                 | 2021 | -          | -          | false
			Mailand-Besuch der Dezernentin                    | 2021 | -          | -          | false
			""")
	void aPeriodIsReadAsWritten(String text, int column, LocalDate start, LocalDate end, boolean openEnded) {
		PlanPeriod period = PeriodReader.read(text, column, PROJECT_END);

		assertThat(period.text()).isEqualTo(text);
		assertThat(period.start()).isEqualTo(start);
		assertThat(period.end()).isEqualTo(end);
		assertThat(period.openEnded()).isEqualTo(openEnded);
	}

}
