package de.kooperation.overview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;

/**
 * Printable documents: a Thymeleaf template (well-formed XHTML, what openhtmltopdf reads) laid
 * out as A4 pages. Inline SVG (the maturity chart) is drawn into the PDF as vector graphics.
 */
@Component
class PrintedPages {

	private final ITemplateEngine templates;

	PrintedPages(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] pdf(String template, Map<String, Object> model, String what) {
		Context context = new Context(Locale.GERMANY);
		context.setVariables(model);
		String xhtml = templates.process(template, context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			// our own SVG only: no scripts, no external resources
			builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("PDF nicht erzeugt: " + what, e);
		}
	}

}
