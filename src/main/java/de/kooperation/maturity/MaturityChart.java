package de.kooperation.maturity;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

/**
 * The Kommune's profile over time as SVG, drawn on the server so that pages, the printed
 * agreement and the result report show the same picture: the nine core elements as rows, the
 * four development types as columns, one line per assessment (oldest light, newest strong).
 */
@Component
public class MaturityChart {

	private static final String[] COLOURS = { "#9db4cc", "#e0a030", "#4f9d69", "#b04a5a", "#6b5fb5", "#1c3d5a" };

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final int LABEL_WIDTH = 250;

	private static final int COLUMN = 110;

	private static final int ROW = 34;

	private static final int TOP = 40;

	/** The width of the drawing in its own units (pixels on a page). */
	public static final int WIDTH = LABEL_WIDTH + 4 * COLUMN + 20;

	/** A standalone SVG document (also fine inline in HTML). */
	public String svg(List<MaturityAssessment> assessments) {
		return svg(assessments, WIDTH);
	}

	/** The same drawing scaled to the given width (e.g. to fit a printed page). */
	public String svg(List<MaturityAssessment> assessments, int displayWidth) {
		CoreElement[] elements = CoreElement.values();
		int width = WIDTH;
		int gridBottom = TOP + elements.length * ROW;
		int height = gridBottom + 30 + Math.max(1, assessments.size()) * 20;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
						+ "aria-label=\"Entwicklungsprofil nach Kernelementen\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">",
				displayWidth, Math.round((float) height * displayWidth / width), width, height));
		svg.append("<title>Entwicklungsprofil nach Kernelementen und Entwicklungstypen</title>");
		for (MaturityLevel level : MaturityLevel.values()) {
			int x = columnX(level);
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>", x,
					TOP - 14, level.label()));
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>", x, TOP, x,
					gridBottom));
		}
		for (int row = 0; row < elements.length; row++) {
			int y = rowY(row);
			if (row % 2 == 0) {
				svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f6f9\"/>",
						y - ROW / 2, width, ROW));
			}
			svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%s</text>", y + 4, escape(elements[row].label())));
		}
		for (int index = 0; index < assessments.size(); index++) {
			MaturityAssessment assessment = assessments.get(index);
			String colour = COLOURS[Math.max(0, COLOURS.length - assessments.size() + index) % COLOURS.length];
			StringBuilder points = new StringBuilder();
			for (int row = 0; row < elements.length; row++) {
				MaturityAssessment.Rating rating = assessment.ratings().get(elements[row]);
				if (rating != null) {
					points.append(columnX(rating.level())).append(',').append(rowY(row)).append(' ');
				}
			}
			svg.append(String.format(Locale.ROOT,
					"<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\"/>", points.toString().trim(), colour,
					index == assessments.size() - 1 ? 3 : 2));
			for (int row = 0; row < elements.length; row++) {
				MaturityAssessment.Rating rating = assessment.ratings().get(elements[row]);
				if (rating != null) {
					svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"><title>%s</title></circle>",
							columnX(rating.level()), rowY(row), colour, escape(elements[row].label() + ": " + rating.level().label()
									+ " (" + DAY.format(assessment.assessedOn()) + ")")));
				}
			}
			int legendY = gridBottom + 24 + index * 20;
			svg.append(String.format(Locale.ROOT, "<rect x=\"8\" y=\"%d\" width=\"24\" height=\"4\" fill=\"%s\"/>", legendY - 6, colour));
			svg.append(String.format(Locale.ROOT, "<text x=\"40\" y=\"%d\">%s</text>", legendY,
					escape(DAY.format(assessment.assessedOn()) + " – " + assessment.occasion())));
		}
		if (assessments.isEmpty()) {
			svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" fill=\"#666\">Noch keine Standortbestimmung.</text>",
					gridBottom + 24));
		}
		return svg.append("</svg>").toString();
	}

	private static int columnX(MaturityLevel level) {
		return LABEL_WIDTH + (level.value() - 1) * COLUMN + COLUMN / 2;
	}

	private static int rowY(int row) {
		return TOP + row * ROW + ROW / 2;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
