package de.kooperation.model;

import java.util.HashMap;
import java.util.Map;

/**
 * How wide a name is drawn by bpmn-js (Cockpit, Camunda Modeler): Arial 12px, whose glyph widths are
 * Helvetica's (the metrics every browser's Arial or its metric twin Liberation Sans has). A word wider
 * than its box is cut mid-word ("Sondierungsge spräch"); a soft hyphen (&#173;) is a place the
 * renderer may break a long word with a visible hyphen.
 */
final class LabelWidths {

	/** bpmn-js lays out external labels (events, gateways) in a fixed box of this width. */
	static final double EXTERNAL_LABEL_BOX = 90;

	/** Room a word needs beyond its own width inside a task's box (padding; kerning and font margin). */
	private static final double TASK_PADDING = 14;

	private static final double MARGIN = 1.08;

	private static final Map<Character, Integer> HELVETICA = new HashMap<>();

	static {
		put("abcdefghijklmnopqrstuvwxyz", 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
				556, 500, 722, 500, 500, 500);
		put("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
				611, 722, 667, 944, 667, 667, 611);
		put("0123456789", 556, 556, 556, 556, 556, 556, 556, 556, 556, 556);
		put(" -()/.,:;–äöüßÄÖÜ&?!„“", 278, 333, 333, 333, 278, 278, 278, 278, 278, 556, 556, 556, 556, 611, 667, 778, 722, 667, 556, 278,
				333, 333);
	}

	private LabelWidths() {
	}

	private static void put(String characters, int... widths) {
		for (int i = 0; i < characters.length(); i++) {
			HELVETICA.put(characters.charAt(i), widths[i]);
		}
	}

	/** The drawn width of a text in pixels, without margin. */
	static double of(String text) {
		double width = 0;
		for (char c : text.toCharArray()) {
			width += HELVETICA.getOrDefault(c, 556);
		}
		return width * 12 / 1000;
	}

	/** The widest part of a name that cannot be broken (words, split at soft hyphens), with its margin. */
	static double widestUnbreakable(String name) {
		double widest = 0;
		for (String word : name.split("\\s+")) {
			for (String part : word.split("\u00AD")) {
				widest = Math.max(widest, of(part + (word.contains("\u00AD") ? "-" : "")) * MARGIN);
			}
		}
		return widest;
	}

	/** Whether a task's name fits its box: no word cut, no more lines than the box is high. */
	static boolean fitsTask(String name, double width, double height) {
		if (widestUnbreakable(name) > width - TASK_PADDING) {
			return false;
		}
		double available = (width - TASK_PADDING) / MARGIN;
		int lines = 0;
		double line = 0;
		for (String word : name.split("\\s+")) {
			double w = of(word.replace("\u00AD", ""));
			if (lines == 0 || line + of(" ") + w > available) {
				lines++;
				line = w;
			}
			else {
				line += of(" ") + w;
			}
		}
		return lines * 14.4 <= height - 10;
	}

	/** Whether an event's or gateway's name fits the renderer's label box without cutting a word. */
	static boolean fitsExternalLabel(String name) {
		// measured: bpmn-js still sets a 90 px word ("Zusammenarbeit") whole in this box
		return widestUnbreakable(name) / MARGIN <= EXTERNAL_LABEL_BOX + 1;
	}

}
