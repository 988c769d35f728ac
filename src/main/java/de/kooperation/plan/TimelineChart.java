package de.kooperation.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The plan as a timeline (like the seed's table): a row per field of action and activity,
 * columns per year and quarter, a bar per period that could be read (an arrow where it is
 * open-ended), today as a line, late activities in red. Drawn on the server as SVG so the page
 * and the printed PDF show the same picture; the page's table says the same in text.
 */
@Component
public class TimelineChart {

	static final Map<PlanStatus, String> COLOURS = Map.of(PlanStatus.PLANNED, "#6b9bd1", PlanStatus.RUNNING, "#2e7d32",
			PlanStatus.DONE, "#9e9e9e", PlanStatus.POSTPONED, "#e0a030");

	private static final String LATE = "#b00020";

	private static final int WIDTH = 1120;

	private static final int LABEL = 380;

	private static final int TOP = 48;

	private static final int ROW = 24;

	private static final int LABEL_CHARS = 56;

	/** Years after the plan's end that the axis stretches to, to show today. */
	private static final int TODAY_REACH = 5;

	public String svg(Plan plan, LocalDate today) {
		return svg(plan, today, WIDTH);
	}

	/** The same drawing scaled to the given width (e.g. to fit a printed page). */
	public String svg(Plan plan, LocalDate today, int displayWidth) {
		int firstYear = plan.firstYear();
		int lastYear = plan.lastYear();
		for (Activity activity : plan.activities()) {
			for (PlanPeriod period : activity.periods()) {
				if (period.start() != null) {
					firstYear = Math.min(firstYear, period.start().getYear());
				}
				if (period.end() != null) {
					lastYear = Math.max(lastYear, period.end().getYear());
				}
			}
		}
		if (today.getYear() > lastYear && today.getYear() <= plan.lastYear() + TODAY_REACH) {
			lastYear = today.getYear();
		}
		LocalDate axisStart = LocalDate.of(firstYear, 1, 1);
		LocalDate axisEnd = LocalDate.of(lastYear + 1, 1, 1);
		Axis axis = new Axis(axisStart, axisEnd);
		int rows = plan.fields().size() + plan.activities().size();
		int gridBottom = TOP + Math.max(1, rows) * ROW;
		int height = gridBottom + 56;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
				+ "role=\"img\" aria-labelledby=\"zeitstrahl-titel\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"11\">",
				displayWidth, Math.round((float) height * displayWidth / WIDTH), WIDTH, height));
		svg.append("<title id=\"zeitstrahl-titel\">Zeitstrahl des Plans ").append(firstYear).append(" bis ").append(lastYear)
			.append(": Balken je Maßnahme nach Jahr und Quartal; dieselben Angaben stehen in der Tabelle.</title>");
		for (int year = firstYear; year <= lastYear; year++) {
			double from = axis.x(LocalDate.of(year, 1, 1));
			double to = axis.x(LocalDate.of(year + 1, 1, 1));
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"13\" fill=\"#333\">%d</text>",
					(from + to) / 2, year));
			for (int quarter = 0; quarter < 4; quarter++) {
				double qx = axis.x(LocalDate.of(year, 1 + quarter * 3, 1));
				double qEnd = axis.x(quarter == 3 ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, 4 + quarter * 3, 1));
				svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>", qx,
						quarter == 0 ? 4 : 24, qx, gridBottom, quarter == 0 ? "#999" : "#ddd"));
				if (qEnd - qx >= 22) {
					svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"38\" text-anchor=\"middle\" fill=\"#595959\">Q%d</text>",
							(qx + qEnd) / 2, quarter + 1));
				}
			}
		}
		int row = 0;
		for (FieldOfAction field : plan.fields()) {
			int y = TOP + row++ * ROW;
			svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#e8eef6\"/>", y, WIDTH, ROW));
			svg.append(String.format(Locale.ROOT, "<text x=\"6\" y=\"%d\" font-weight=\"bold\" fill=\"#333\">%s<title>%s</title></text>",
					y + 16, escape(shortened(field.title(), LABEL_CHARS + 40)), escape(field.title())));
			for (Activity activity : field.activities()) {
				y = TOP + row++ * ROW;
				boolean late = activity.lateOn(today);
				String number = field.position() + "." + activity.position();
				svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" fill=\"%s\">%s<title>%s</title></text>", y + 16,
						late ? LATE : "#333", escape(number + " " + shortened(activity.title(), LABEL_CHARS)),
						escape(number + " " + activity.title() + " (" + activity.status().label() + (late ? ", überfällig" : "") + ")")));
				for (PlanPeriod period : activity.periods()) {
					if (period.start() == null) {
						continue;
					}
					double x1 = axis.x(period.start());
					double x2 = period.end() == null ? axis.x(axisEnd) : axis.x(period.end().plusDays(1));
					String colour = COLOURS.get(activity.status());
					svg.append(String.format(Locale.ROOT,
							"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" rx=\"3\" fill=\"%s\"%s><title>%s</title></rect>", x1,
							y + 5, Math.max(3, x2 - x1), colour, late ? " stroke=\"" + LATE + "\" stroke-width=\"2\"" : "",
							escape(period.year() + ": " + period.text() + " (" + period.rangeLabel() + ")")));
					if (period.end() == null) {
						svg.append(String.format(Locale.ROOT, "<path d=\"M %.1f %d l 8 7 l -8 7 z\" fill=\"%s\"/>", x2 - 8, y + 5, colour));
					}
				}
				if (late) {
					double x = activity.end() == null ? axis.x(axisEnd) : axis.x(activity.end().plusDays(1));
					svg.append(String.format(Locale.ROOT,
							"<text x=\"%.1f\" y=\"%d\" fill=\"%s\" font-weight=\"bold\">überfällig</text>", Math.min(x + 4, WIDTH - 60), y + 16, LATE));
				}
			}
		}
		if (rows == 0) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#595959\">Noch keine Maßnahmen im Plan.</text>", LABEL + 10,
					TOP + 16));
		}
		if (!today.isBefore(axisStart) && today.isBefore(axisEnd)) {
			double x = axis.x(today);
			svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" "
					+ "stroke-dasharray=\"5 3\"/>", x, TOP - 6, x, gridBottom, LATE));
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\" font-weight=\"bold\">heute, %s</text>",
					x, gridBottom + 14, x > WIDTH - 80 ? "end" : "middle", LATE, Dates.format(today)));
		}
		int legendY = gridBottom + 38;
		int x = 6;
		for (PlanStatus status : PlanStatus.values()) {
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"12\" rx=\"3\" fill=\"%s\"/>", x, legendY - 10,
					COLOURS.get(status)));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>", x + 28, legendY, status.label()));
			x += 110;
		}
		svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"12\" rx=\"3\" fill=\"#fff\" stroke=\"%s\" "
				+ "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" fill=\"#333\">überfällig (Zeitraum vorbei, nicht erledigt)</text>", x, legendY - 10,
				LATE, x + 28, legendY));
		x += 290;
		svg.append(String.format(Locale.ROOT, "<path d=\"M %d %d l 8 6 l -8 6 z\" fill=\"#595959\"/><text x=\"%d\" y=\"%d\" fill=\"#333\">"
				+ "offenes Ende (laufend, über das Projektende hinaus)</text>", x + 6, legendY - 10, x + 20, legendY));
		svg.append("</svg>");
		return svg.toString();
	}

	private record Axis(LocalDate start, LocalDate end) {

		double x(LocalDate day) {
			double total = ChronoUnit.DAYS.between(start, end);
			double offset = ChronoUnit.DAYS.between(start, day);
			return LABEL + Math.max(0, Math.min(total, offset)) / total * (WIDTH - LABEL - 10);
		}

	}

	public static String shortened(String text, int max) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** For the template: the colour of a status, for the table's swatches. */
	public static String colour(PlanStatus status) {
		return COLOURS.get(status);
	}

	static List<PlanStatus> statuses() {
		return List.of(PlanStatus.values());
	}

}
