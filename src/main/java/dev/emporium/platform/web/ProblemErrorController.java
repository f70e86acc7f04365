package dev.emporium.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page as a problem detail, in place of Spring Boot's JSON: what reaches the
 * container's error dispatch (a failure outside Spring MVC) answers in the API's one
 * error format. Requested directly, {@code /error} is a resource that does not exist.
 */
@Controller
@Hidden
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		var status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.NOT_FOUND;
		}
		var detail = status.is5xxServerError() ? "The request failed unexpectedly; it has been logged"
				: (status == HttpStatus.NOT_FOUND) ? "No resource at this path" : "The request was refused";
		var slug = status.is5xxServerError() ? "internal-error" : status.name().toLowerCase().replace('_', '-');
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(status, slug, status.getReasonPhrase(), detail));
	}

}
