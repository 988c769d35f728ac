package de.kooperation.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a plan from the spreadsheet a Kommune already keeps, in the seed's layout (seed 001): a
 * header row with the first column for the activities and one column per year, then rows of
 * fields of action ("1. Schaffung von Netzwerkstrukturen", no periods) and activities with the
 * period written in each year's column. CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or
 * XLSX. Every row that is not taken is named in a German message, as is every period from
 * which no date can be read (kept as written): nothing is dropped silently.
 */
public final class PlanImport {

	private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");

	private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}[.)]\\s*\\S.*", Pattern.DOTALL);

	static final String WITHOUT_FIELD = "Ohne Handlungsfeld";

	private PlanImport() {
	}

	/** A note on one line of the file; {@code taken} false where the line is not in the plan. */
	public record Message(int line, String text, boolean taken) implements Serializable {
	}

	public record ImportedActivity(int line, String title, PlanStatus status, List<PlanPeriod> periods) implements Serializable {
	}

	public record ImportedField(int line, String title, List<ImportedActivity> activities) implements Serializable {
	}

	/** What was read: the plan years, the fields with their activities, and the messages. */
	public record Result(int firstYear, int lastYear, List<ImportedField> fields, List<Message> messages) implements Serializable {

		/** "4 Handlungsfelder mit 11 Maßnahmen", "1 Handlungsfeld mit 1 Maßnahme". */
		public String summary() {
			return Plans.count(fields.size(), "Handlungsfeld", "Handlungsfelder") + " mit "
					+ Plans.count(activityCount(), "Maßnahme", "Maßnahmen");
		}

		public int activityCount() {
			return fields.stream().mapToInt(field -> field.activities().size()).sum();
		}

		public boolean isEmpty() {
			return activityCount() == 0;
		}

		public List<Message> refused() {
			return messages.stream().filter(message -> !message.taken()).toList();
		}

		public List<Integer> years() {
			List<Integer> years = new ArrayList<>();
			for (int year = firstYear; year <= lastYear; year++) {
				years.add(year);
			}
			return years;
		}

	}

	/** Thrown where the file as a whole cannot be read; the message is German. */
	public static final class Unreadable extends Exception {

		private static final long serialVersionUID = 1L;

		Unreadable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Reads a .csv/.tsv/.txt or .xlsx file (told apart by content, not by name). */
	public static Result read(byte[] content, String fileName) throws Unreadable {
		if (content == null || content.length == 0) {
			throw new Unreadable("Die Datei ist leer. Bitte wählen Sie eine CSV- oder XLSX-Datei.", null);
		}
		List<Line> lines = isZip(content) ? xlsx(content) : csv(content);
		return interpret(lines);
	}

	/** One row of the file with its line (CSV record or spreadsheet row) number. */
	record Line(int number, List<String> cells) {

		String cell(int index) {
			return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
		}

		boolean blank() {
			return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
		}

	}

	static Result interpret(List<Line> lines) throws Unreadable {
		List<Message> messages = new ArrayList<>();
		int headerIndex = -1;
		List<Integer> years = new ArrayList<>();
		for (int index = 0; index < lines.size() && headerIndex < 0; index++) {
			Line line = lines.get(index);
			List<Integer> found = new ArrayList<>();
			boolean onlyYears = true;
			for (int column = 1; column < line.cells().size(); column++) {
				String cell = line.cell(column);
				if (YEAR.matcher(cell).matches()) {
					found.add(Integer.valueOf(cell));
				}
				else if (!cell.isEmpty()) {
					onlyYears = false;
				}
			}
			if (!found.isEmpty() && onlyYears && found.size() == line.cells().stream().skip(1).filter(c -> c != null && !c.isBlank()).count()) {
				headerIndex = index;
				for (int column = 1; column < line.cells().size(); column++) {
					String cell = line.cell(column);
					years.add(cell.isEmpty() ? null : Integer.valueOf(cell));
				}
			}
		}
		if (headerIndex < 0) {
			throw new Unreadable("Keine Kopfzeile mit Jahren gefunden. Erwartet wird: erste Spalte die Maßnahmen, "
					+ "dann eine Spalte je Jahr mit der Jahreszahl (z. B. 2019, 2020, 2021).", null);
		}
		for (int index = 0; index < headerIndex; index++) {
			Line line = lines.get(index);
			if (!line.blank()) {
				messages.add(new Message(line.number(), "Zeile " + line.number() + " steht vor der Kopfzeile und ist nicht Teil des Plans: „"
						+ shortened(String.join(" ", line.cells()).strip()) + "“", false));
			}
		}
		int firstYear = years.stream().filter(year -> year != null).min(Integer::compare).orElseThrow();
		int lastYear = years.stream().filter(year -> year != null).max(Integer::compare).orElseThrow();
		LocalDate projectEnd = LocalDate.of(lastYear, 12, 31);
		List<ImportedField> fields = new ArrayList<>();
		String fieldTitle = null;
		int fieldLine = 0;
		List<ImportedActivity> activities = new ArrayList<>();
		for (int index = headerIndex + 1; index < lines.size(); index++) {
			Line line = lines.get(index);
			if (line.blank()) {
				continue;
			}
			int number = line.number();
			String title = line.cell(0);
			boolean extra = false;
			for (int column = years.size() + 1; column < line.cells().size(); column++) {
				extra |= !line.cell(column).isEmpty();
			}
			if (extra) {
				messages.add(new Message(number, "Zeile " + number + ": mehr ausgefüllte Spalten als Jahre in der Kopfzeile – "
						+ "nicht übernommen: „" + shortened(title) + "“", false));
				continue;
			}
			List<String> written = new ArrayList<>();
			for (int column = 1; column <= years.size(); column++) {
				written.add(line.cell(column));
			}
			boolean noPeriods = written.stream().allMatch(String::isEmpty);
			if (title.isEmpty()) {
				messages.add(new Message(number, "Zeile " + number + ": Zeitangaben ohne Maßnahme in der ersten Spalte – nicht übernommen: „"
						+ shortened(String.join(" | ", written.stream().filter(w -> !w.isEmpty()).toList())) + "“", false));
				continue;
			}
			String problem = problem(title, Plans.TITLE_MAX);
			for (int column = 0; column < written.size() && problem == null; column++) {
				problem = problem(written.get(column), Plans.PERIOD_MAX);
			}
			if (problem != null) {
				messages.add(new Message(number, "Zeile " + number + ": " + problem + " – nicht übernommen: „" + shortened(title) + "“", false));
				continue;
			}
			if (noPeriods && NUMBERED.matcher(title).matches()) {
				if (title.length() > Plans.FIELD_MAX) {
					messages.add(new Message(number, "Zeile " + number + ": Handlungsfeld länger als " + Plans.FIELD_MAX
							+ " Zeichen – nicht übernommen: „" + shortened(title) + "“", false));
					continue;
				}
				if (fieldTitle != null || !activities.isEmpty()) {
					fields.add(new ImportedField(fieldLine, fieldTitle == null ? WITHOUT_FIELD : fieldTitle, List.copyOf(activities)));
				}
				fieldTitle = title;
				fieldLine = number;
				activities = new ArrayList<>();
				continue;
			}
			if (fieldTitle == null && activities.isEmpty()) {
				messages.add(new Message(number, "Zeile " + number + ": Maßnahme vor dem ersten Handlungsfeld – unter „" + WITHOUT_FIELD
						+ "“ übernommen.", true));
			}
			if (noPeriods) {
				messages.add(new Message(number, "Zeile " + number + ": Maßnahme ohne Zeitangabe übernommen: „" + shortened(title) + "“", true));
			}
			List<PlanPeriod> periods = new ArrayList<>();
			String refused = null;
			for (int column = 0; column < written.size(); column++) {
				Integer year = years.get(column);
				String text = written.get(column);
				if (text.isEmpty()) {
					continue;
				}
				if (year == null) {
					refused = "Zeitangabe in einer Spalte ohne Jahreszahl";
					break;
				}
				PlanPeriod period = PeriodReader.read(text, year, projectEnd);
				if (!period.derived()) {
					messages.add(new Message(number, "Zeile " + number + ", " + year + ": „" + shortened(text)
							+ "“ nennt keinen Monat und kein Jahr – wie geschrieben übernommen, ohne Balken im Zeitstrahl.", true));
				}
				else if (period.end() != null && period.end().isBefore(period.start())) {
					refused = year + ": das Ende liegt vor dem Beginn („" + shortened(text) + "“)";
					break;
				}
				periods.add(period);
			}
			if (refused != null) {
				messages.add(new Message(number, "Zeile " + number + ": " + refused + " – nicht übernommen: „" + shortened(title) + "“", false));
				continue;
			}
			activities.add(new ImportedActivity(number, title, PlanStatus.PLANNED, List.copyOf(periods)));
		}
		if (fieldTitle != null || !activities.isEmpty()) {
			fields.add(new ImportedField(fieldLine, fieldTitle == null ? WITHOUT_FIELD : fieldTitle, List.copyOf(activities)));
		}
		return new Result(firstYear, lastYear, List.copyOf(fields), List.copyOf(messages));
	}

	private static String problem(String text, int max) {
		if (text.length() > max) {
			return "Zelle länger als " + max + " Zeichen";
		}
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			return "Zelle mit unzulässigen Steuerzeichen";
		}
		return null;
	}

	private static String shortened(String text) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
	}

	private static boolean isZip(byte[] content) {
		return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	private static List<Line> csv(byte[] content) throws Unreadable {
		String text = decode(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreSurroundingSpaces(false).get();
		List<Line> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			long before = 0;
			for (CSVRecord record : parser) {
				// a record starts on the line after the breaks read before it (quoted cells may hold breaks)
				lines.add(new Line((int) before + 1, record.toList()));
				before = parser.getCurrentLineNumber();
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			throw new Unreadable("Die CSV-Datei ist nicht lesbar (z. B. ein Anführungszeichen ohne Gegenstück): " + e.getMessage(), e);
		}
		return lines;
	}

	/** Tab where the file has tabs (the seed's table), else whichever of semicolon and comma the first lines use more. */
	private static char delimiter(String text) {
		String head = text.lines().limit(5).reduce("", (a, b) -> a + "\n" + b);
		long tabs = head.chars().filter(c -> c == '\t').count();
		long semicolons = head.chars().filter(c -> c == ';').count();
		long commas = head.chars().filter(c -> c == ',').count();
		if (tabs > 0 && tabs >= semicolons && tabs >= commas) {
			return '\t';
		}
		return semicolons >= commas ? ';' : ',';
	}

	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			// Excel's "CSV (Trennzeichen-getrennt)" on German Windows
			return new String(content, Charset.forName("windows-1252"));
		}
	}

	private static List<Line> xlsx(byte[] content) throws Unreadable {
		List<Line> lines = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.GERMANY);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
					Cell cell = row.getCell(column);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell));
				}
				lines.add(new Line(row.getRowNum() + 1, cells));
			}
		}
		catch (IOException | RuntimeException e) {
			throw new Unreadable("Die XLSX-Datei ist nicht lesbar. Bitte speichern Sie sie in Excel oder LibreOffice erneut als .xlsx "
					+ "oder als CSV.", e);
		}
		return lines;
	}

}
