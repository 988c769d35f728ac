package de.kooperation.model;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/** One BPMN file, read with Camunda's model API; a file that cannot be read keeps the reason. */
final class ProcessFile {

	private final Path path;

	private final BpmnModelInstance model;

	private final String readError;

	private ProcessFile(Path path, BpmnModelInstance model, String readError) {
		this.path = path;
		this.model = model;
		this.readError = readError;
	}

	static ProcessFile read(Path path) {
		try {
			return new ProcessFile(path, Bpmn.readModelFromFile(path.toFile()), null);
		}
		catch (RuntimeException e) {
			String reason = e.getMessage();
			for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
				reason = reason + ": " + cause.getMessage();
			}
			return new ProcessFile(path, null, reason);
		}
	}

	Path path() {
		return path;
	}

	String fileName() {
		return path.getFileName().toString();
	}

	/** The model, or null when the file is no readable BPMN (see {@link #readError()}). */
	BpmnModelInstance model() {
		return model;
	}

	String readError() {
		return readError;
	}

	Collection<Process> processes() {
		return model == null ? List.of() : model.getModelElementsByType(Process.class);
	}

}
