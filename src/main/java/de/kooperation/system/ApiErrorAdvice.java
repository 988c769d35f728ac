package de.kooperation.system;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Our own API (/api) answers a request it cannot take with a 4xx and a German message, never a
 * 500 with a stack trace: refusals of the engine or our services, invalid values, wrong content
 * type, wrong method, unreadable body. (Camunda's webapps and /engine-rest are JAX-RS, not Spring
 * MVC; see RestErrorConfiguration.)
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrorAdvice {

	@ExceptionHandler(BadUserRequestException.class)
	ResponseEntity<Map<String, String>> badRequest(BadUserRequestException e) {
		return answer(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
		return answer(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, String>> invalid(MethodArgumentNotValidException e) {
		String message = e.getBindingResult().getFieldErrors().stream().map(FieldError::getDefaultMessage)
			.reduce((a, b) -> a + " " + b).orElse("Ungültige Anfrage.");
		return answer(HttpStatus.BAD_REQUEST, message);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, String>> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Bitte die Anfrage als JSON senden (Content-Type: application/json).");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Map<String, String>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
		return answer(HttpStatus.NOT_ACCEPTABLE, "Die Antwort gibt es nur als JSON (Accept: application/json).");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, String>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
		return answer(HttpStatus.METHOD_NOT_ALLOWED, "Die Methode " + e.getMethod() + " ist hier nicht erlaubt.");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
		return answer(HttpStatus.BAD_REQUEST, "Die Anfrage ist kein gültiges JSON oder enthält ungültige Werte (Datum als JJJJ-MM-TT).");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, String>> typeMismatch(MethodArgumentTypeMismatchException e) {
		return answer(HttpStatus.BAD_REQUEST, "Ungültiger Wert für '" + e.getName() + "'.");
	}

	private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("message", GermanMessages.of(status.value(), message)));
	}

}
