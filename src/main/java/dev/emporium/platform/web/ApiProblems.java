package dev.emporium.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.emporium.shared.Problems;

/**
 * Turns every failure that no module handles into an RFC 9457 problem with a stable type:
 * 400 unreadable, 422 invalid, 401 without a valid token, 403 forbidden, an
 * {@code ErrorResponseException} as it says, and anything else a 500 that leaks nothing.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map(error -> Map.of("field", error instanceof FieldError field ? field.getField() : error.getObjectName(),
					"message", String.valueOf(error.getDefaultMessage())))
			.toList();
		return ResponseEntity.unprocessableContent().body(invalid("The request has invalid fields", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()), "message",
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.unprocessableContent().body(invalid("The request has invalid parameters", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var tooLarge = causeOfType(ex, RequestBoundary.BodyTooLargeException.class);
		if (tooLarge != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(RequestBoundary.tooLarge(tooLarge.maxBody()));
		}
		var invalidFormat = causeOfType(ex, InvalidFormatException.class);
		if (invalidFormat != null) {
			return ResponseEntity.unprocessableContent()
				.body(invalid("The request has invalid fields", List
					.of(Map.of("field", path(invalidFormat), "message", expected(invalidFormat.getTargetType())))));
		}
		var invalidValue = rootCause(ex);
		if (invalidValue instanceof IllegalArgumentException || invalidValue instanceof NullPointerException) {
			return ResponseEntity.unprocessableContent().body(invalid(invalidValue.getMessage(), List.of()));
		}
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body is not valid JSON of the expected shape"));
	}

	/**
	 * A path or query parameter that is not of its type, such as an ID that is no UUID.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
					"'%s' is not a valid %s".formatted(ex.getValue(), name)));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException ex) {
		var errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> Map.of("field", violation.getPropertyPath().toString(), "message",
					violation.getMessage()))
			.toList();
		return ResponseEntity.unprocessableContent().body(invalid("The request has invalid values", errors));
	}

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail unauthenticated(AuthenticationException ex) {
		return Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"A valid access token is required: obtain one from POST /api/v1/auth/token");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your account is not allowed to do this");
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentModification(OptimisticLockingFailureException ex) {
		return Problems.problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
				"The resource was changed by another request at the same time; read it again and retry");
	}

	/** A failure that carries its own problem; a 5xx one is worth a line in the log. */
	@Override
	protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.is5xxServerError()) {
			log.warn("{}", ex.getMessage());
		}
		return super.handleErrorResponseException(ex, headers, status, request);
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure while handling a request", ex);
		return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The request failed unexpectedly; it has been logged");
	}

	/**
	 * Gives the problems Spring MVC raises itself (404, 405, 415, ...) a stable type
	 * instead of {@code about:blank}.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			var status = HttpStatus.resolve(statusCode.value());
			var slug = status == null ? "http-" + statusCode.value() : status.name().toLowerCase().replace('_', '-');
			problem.setType(Problems.type(slug));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
		var problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed",
				detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	private static <T extends Throwable> T causeOfType(Throwable throwable, Class<T> type) {
		for (var cause = throwable; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String expected(Class<?> type) {
		if (type == String.class) {
			return JsonInputRules.NUL_MESSAGE;
		}
		var whole = Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);
		return whole.contains(type) ? "must be a whole number" : "is not a valid " + type.getSimpleName();
	}

	/**
	 * The JSON path of the value Jackson could not read, such as
	 * {@code lines[0].quantity}.
	 */
	private static String path(DatabindException ex) {
		var path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static Throwable rootCause(Throwable throwable) {
		var cause = throwable;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
