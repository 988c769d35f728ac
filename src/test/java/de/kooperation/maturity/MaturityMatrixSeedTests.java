package de.kooperation.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

/**
 * The matrix shipped as data is the text of seed 004 ("Kernelemente und Entwicklungstypen",
 * kept as test resource seeds/004-kernelemente-matrix.txt): cell by cell, with the two typos of
 * the source corrected ("für Ihre eigene Arbeit", "Partiiell").
 */
class MaturityMatrixSeedTests {

	@Test
	void everyLabelQuestionAndTypeDescriptionIsTheSeedsText() throws IOException {
		List<String> rows = seedRows();
		List<String> labels = cells(rows.get(1));
		List<String> questions = cells(rows.get(2)).stream().map(q -> q.replace("<i>", "").replace("</i>", "")).toList();
		assertThat(labels).hasSize(9);
		assertThat(questions).hasSize(9);

		for (CoreElement element : CoreElement.values()) {
			int column = element.ordinal();
			assertThat(element.label()).isEqualTo(labels.get(column));
			assertThat(element.guidingQuestion()).isEqualTo(questions.get(column));
			for (MaturityLevel level : MaturityLevel.values()) {
				String row = rows.get(2 + level.value());
				assertThat(row).startsWith(level.label() + "\t");
				assertThat(element.description(level)).as("%s, %s", element.label(), level.label())
					.isEqualTo(corrected(cells(row).get(column)));
			}
		}
	}

	private static String corrected(String seedText) {
		return seedText.replace("für Ihre eigene Arbeit", "für ihre eigene Arbeit").replace("Partiiell", "Partiell");
	}

	/** The cells after the first (row header) column, trimmed. */
	private static List<String> cells(String row) {
		String[] cells = row.split("\t");
		return Arrays.stream(cells, 1, cells.length).map(String::trim).toList();
	}

	private static List<String> seedRows() throws IOException {
		try (InputStream in = MaturityMatrixSeedTests.class.getResourceAsStream("/seeds/004-kernelemente-matrix.txt")) {
			assertThat(in).as("seed 004 on the test classpath").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
