package dev.emporium.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as a problem detail instead of an HTML page, for the requests
 * Tomcat refuses itself before any servlet sees them: a request line or headers too
 * large, an invalid URI.
 */
class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		var status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		var known = HttpStatus.resolve(status);
		var title = (known != null) ? known.getReasonPhrase() : "HTTP " + status;
		var slug = (known != null) ? known.name().toLowerCase().replace('_', '-') : "http-" + status;
		var detail = (status == 400) ? "The request is malformed or its request line or headers are too large"
				: "The server refused the request";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(ProblemResponses
					.json(ProblemResponses.problem(HttpStatus.valueOf(status), slug, title, detail)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot take a body: nothing more to tell
		}
	}

}
