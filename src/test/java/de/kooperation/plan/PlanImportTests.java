package de.kooperation.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Kommune's spreadsheet read into a plan: the seed's table as written, good and bad rows, CSV and XLSX. */
public class PlanImportTests {

	static final String SEED = "/plan/zeitschiene-seed-001.txt";

	public static byte[] seed() throws IOException {
		try (InputStream in = PlanImportTests.class.getResourceAsStream(SEED)) {
			return in.readAllBytes();
		}
	}

	public static PlanImport.Result seedPlan() throws Exception {
		return PlanImport.read(seed(), "zeitschiene.txt");
	}

	@Nested
	class TheSeedsTimeline {

		@Test
		void everyFieldActivityAndPeriodOfTheSeedLandsInThePlanAsWritten() throws Exception {
			PlanImport.Result plan = seedPlan();
			// the raw table, read independently of the importer: every non-empty cell after the header
			List<String> rows = new String(seed(), StandardCharsets.UTF_8).lines().toList();
			int header = rows.indexOf(rows.stream().filter(row -> row.startsWith("Projektphasen und Handlungsfelder")).findFirst().orElseThrow());
			Map<String, PlanImport.ImportedActivity> activities = plan.fields().stream().flatMap(field -> field.activities().stream())
				.collect(Collectors.toMap(PlanImport.ImportedActivity::title, activity -> activity));
			int cells = 0;
			for (String row : rows.subList(header + 1, rows.size())) {
				String[] cell = row.split("\t", -1);
				if (cell[0].isBlank()) {
					continue;
				}
				boolean noPeriods = true;
				for (int column = 1; column < cell.length; column++) {
					noPeriods &= cell[column].isBlank();
				}
				if (noPeriods) {
					assertThat(plan.fields()).extracting(PlanImport.ImportedField::title).contains(cell[0].strip());
					continue;
				}
				PlanImport.ImportedActivity activity = activities.get(cell[0].strip());
				assertThat(activity).as(cell[0]).isNotNull();
				for (int index = 1; index < cell.length; index++) {
					int column = index;
					if (!cell[column].isBlank()) {
						int year = 2018 + column;
						assertThat(activity.periods()).as(cell[0] + " " + year)
							.anySatisfy(period -> {
								assertThat(period.year()).isEqualTo(year);
								assertThat(period.text()).isEqualTo(cell[column].strip());
							});
						cells++;
					}
				}
			}
			assertThat(cells).isEqualTo(14);
			assertThat(plan.firstYear()).isEqualTo(2019);
			assertThat(plan.lastYear()).isEqualTo(2021);
			assertThat(plan.fields()).extracting(PlanImport.ImportedField::title).containsExactly("1. Schaffung von Netzwerkstrukturen",
					"2. Konzeptarbeit", "3. Schaffung einer Datengrundlage", "4. Nachhaltigkeit des Monitorings");
			assertThat(plan.fields()).extracting(field -> field.activities().size()).containsExactly(6, 2, 2, 1);
			assertThat(plan.refused()).singleElement().satisfies(message -> assertThat(message.text())
				.isEqualTo("Zeile 3 steht vor der Kopfzeile und ist nicht Teil des Plans: „Zeitschiene:“"));
		}

		@Test
		void theSeedsPeriodsYieldRangesWhereTheyNameAMonthOrYear() throws Exception {
			Map<String, PlanPeriod> periods = seedPlan().fields().stream().flatMap(field -> field.activities().stream())
				.flatMap(activity -> activity.periods().stream())
				.collect(Collectors.toMap(period -> period.year() + " " + period.text(), period -> period, (same, twice) -> same));

			assertRange(periods.get("2019 Beginnend ab September 2019 bis Projektende 2021."), "2019-09-01", "2021-12-31");
			assertRange(periods.get("2019 Sep"), "2019-09-01", "2019-09-30");
			assertRange(periods.get("2019 ab Juni 2019 bis Projektende"), "2019-06-01", "2021-12-31");
			assertRange(periods.get("2019 Ab August 2019 bis Projektende."), "2019-08-01", "2021-12-31");
			assertRange(periods.get("2019 erstes Sondierungs-gespräch mit TU im Mai"), "2019-05-01", "2019-05-31");
			assertRange(periods.get("2020 thematische Zusammenarbeit ab 2020 bis Projektende vorgesehen"), "2020-01-01", "2021-12-31");
			assertRange(periods.get("2020 Beginnend ab Nov 2020 bis Projektende"), "2020-11-01", "2021-12-31");
			assertRange(periods.get("2019 Grundsatz-konzept:- Beginn: Juni bis Dezember"), "2019-06-01", "2019-12-31");
			assertRange(periods.get("2020 Zwischen-bericht: Oktober"), "2020-10-01", "2020-10-31");
			assertRange(periods.get("2020 Juli"), "2020-07-01", "2020-07-31");
			assertRange(periods.get("2019 Beginnend ab Dezember 2019 bis Projektende 2021"), "2019-12-01", "2021-12-31");
			PlanPeriod workingGroups = periods.get("2019 im Rahmen der Arbeitsgruppenarbeit ab Dezember; Aktualisierung im Projektverlauf");
			assertThat(workingGroups.start()).isEqualTo(LocalDate.of(2019, 12, 1));
			assertThat(workingGroups.end()).isNull();
			assertThat(workingGroups.openEnded()).isTrue();
			PlanPeriod beyond = periods.get("2020 ab Oktober 2020 bis über Projektende hinaus.");
			assertThat(beyond.start()).isEqualTo(LocalDate.of(2020, 10, 1));
			assertThat(beyond.openEnded()).isTrue();
			assertThat(beyond.rangeLabel()).isEqualTo("01.10.2020 – offen");
		}

		private void assertRange(PlanPeriod period, String start, String end) {
			assertThat(period).isNotNull();
			assertThat(period.start()).as(period.text()).isEqualTo(LocalDate.parse(start));
			assertThat(period.end()).as(period.text()).isEqualTo(LocalDate.parse(end));
			assertThat(period.openEnded()).as(period.text()).isFalse();
		}

	}

	@Nested
	class GoodAndBadRows {

		@Test
		void aSemicolonCsvFromExcel_badRowsAreNamedWithTheirLine_goodOnesTaken_nothingDroppedSilently() throws Exception {
			String csv = String.join("\r\n",
					"Maßnahme;2024;2025",
					"Vorab-Gespräch mit dem Jugendamt;März;",
					"1. Netzwerke;;",
					"\"Steuerungsgruppe einrichten; Geschäftsordnung\";ab Mai 2024 bis Projektende;",
					";Juni;",
					"Fachtag;Oktober;Juli;Zusatz",
					"Bericht;;Dezember 2025 bis März 2025",
					"Bildungsbericht;;im Projektverlauf",
					"Datenblatt;;",
					"2. Daten;;",
					"Indikatoren abstimmen;Sep;laufend",
					"");
			// Excel on German Windows writes Windows-1252
			PlanImport.Result result = PlanImport.read(csv.getBytes(Charset.forName("windows-1252")), "plan.csv");

			assertThat(result.fields()).extracting(PlanImport.ImportedField::title).containsExactly(PlanImport.WITHOUT_FIELD, "1. Netzwerke",
					"2. Daten");
			assertThat(result.fields().get(0).activities()).extracting(PlanImport.ImportedActivity::title).containsExactly("Vorab-Gespräch mit dem Jugendamt");
			assertThat(result.fields().get(1).activities()).extracting(PlanImport.ImportedActivity::title)
				.containsExactly("Steuerungsgruppe einrichten; Geschäftsordnung", "Bildungsbericht", "Datenblatt");
			assertThat(result.fields().get(2).activities().get(0).periods()).extracting(PlanPeriod::text).containsExactly("Sep", "laufend");
			// "laufend" in the 2025 column: from the start of that year on, without an end
			assertThat(result.fields().get(2).activities().get(0).periods().get(1)).satisfies(period -> {
				assertThat(period.start()).isEqualTo(LocalDate.of(2025, 1, 1));
				assertThat(period.openEnded()).isTrue();
			});
			assertThat(result.messages()).extracting(PlanImport.Message::text).containsExactly(
					"Zeile 2: Maßnahme vor dem ersten Handlungsfeld – unter „Ohne Handlungsfeld“ übernommen.",
					"Zeile 5: Zeitangaben ohne Maßnahme in der ersten Spalte – nicht übernommen: „Juni“",
					"Zeile 6: mehr ausgefüllte Spalten als Jahre in der Kopfzeile – nicht übernommen: „Fachtag“",
					"Zeile 7: 2025: das Ende liegt vor dem Beginn („Dezember 2025 bis März 2025“) – nicht übernommen: „Bericht“",
					"Zeile 8, 2025: „im Projektverlauf“ nennt keinen Monat und kein Jahr – wie geschrieben übernommen, ohne Balken im Zeitstrahl.",
					"Zeile 9: Maßnahme ohne Zeitangabe übernommen: „Datenblatt“");
			assertThat(result.refused()).extracting(PlanImport.Message::line).containsExactly(5, 6, 7);
			assertThat(result.activityCount()).isEqualTo(5);
		}

		@Test
		void aFileWithoutAHeaderOfYearsIsRefusedAsAWhole() {
			assertThatThrownBy(() -> PlanImport.read("Maßnahme;Wann\nKick-off;Sep\n".getBytes(StandardCharsets.UTF_8), "plan.csv"))
				.isInstanceOf(PlanImport.Unreadable.class).hasMessageStartingWith("Keine Kopfzeile mit Jahren gefunden.");
			assertThatThrownBy(() -> PlanImport.read(new byte[0], "leer.csv")).isInstanceOf(PlanImport.Unreadable.class)
				.hasMessage("Die Datei ist leer. Bitte wählen Sie eine CSV- oder XLSX-Datei.");
			assertThatThrownBy(() -> PlanImport.read(new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, "kaputt.xlsx"))
				.isInstanceOf(PlanImport.Unreadable.class).hasMessageStartingWith("Die XLSX-Datei ist nicht lesbar.");
		}

		@Test
		void anXlsxWithNumericYearsInTheHeaderIsReadLikeTheCsv() throws Exception {
			byte[] xlsx;
			try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				Sheet sheet = workbook.createSheet("Zeitschiene");
				sheet.createRow(0).createCell(0).setCellValue("Zeitschiene:");
				Row header = sheet.createRow(2);
				header.createCell(0).setCellValue("Projektphasen und Handlungsfelder");
				header.createCell(1).setCellValue(2019);
				header.createCell(2).setCellValue(2020);
				sheet.createRow(3).createCell(0).setCellValue("1. Schaffung von Netzwerkstrukturen");
				Row activity = sheet.createRow(4);
				activity.createCell(0).setCellValue("kick-off Veranstaltung");
				activity.createCell(1).setCellValue("Sep");
				Row bad = sheet.createRow(5);
				bad.createCell(2).setCellValue("Juli");
				workbook.write(out);
				xlsx = out.toByteArray();
			}

			PlanImport.Result result = PlanImport.read(xlsx, "zeitschiene.xlsx");

			assertThat(result.years()).containsExactly(2019, 2020);
			assertThat(result.fields()).singleElement().satisfies(field -> {
				assertThat(field.title()).isEqualTo("1. Schaffung von Netzwerkstrukturen");
				assertThat(field.activities()).singleElement().satisfies(a -> {
					assertThat(a.title()).isEqualTo("kick-off Veranstaltung");
					assertThat(a.line()).isEqualTo(5);
					assertThat(a.periods()).singleElement().satisfies(p -> assertThat(p.start()).isEqualTo(LocalDate.of(2019, 9, 1)));
				});
			});
			assertThat(result.messages()).extracting(PlanImport.Message::text).containsExactly(
					"Zeile 1 steht vor der Kopfzeile und ist nicht Teil des Plans: „Zeitschiene:“",
					"Zeile 6: Zeitangaben ohne Maßnahme in der ersten Spalte – nicht übernommen: „Juli“");
		}

	}

}
