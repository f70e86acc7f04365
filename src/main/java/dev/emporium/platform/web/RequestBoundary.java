package dev.emporium.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything parses or authenticates it, a request whose body is larger
 * than {@link WebSettings#maxRequestBody()} (413), whose query string cannot be decoded,
 * or whose parameters hold a NUL character, which no column can store (400).
 * docs/security.md, "API4" and "Input validation".
 */
class RequestBoundary extends OncePerRequestFilter {

	private final long maxBody;

	RequestBoundary(WebSettings settings) {
		this.maxBody = settings.maxRequestBody().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBody) {
			// Closing spares the server from reading (swallowing) a body it has refused.
			response.setHeader(HttpHeaders.CONNECTION, "close");
			ProblemResponses.write(response, tooLarge(maxBody));
			return;
		}
		// Also parses a form body, which Tomcat reads up to the same limit
		// (WebBoundaryConfiguration).
		var parameters = parameters(request);
		if (parameters != null) {
			ProblemResponses.write(response, parameters);
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new BoundedRequest(request, maxBody) : request, response);
	}

	/** The problem with the query string, or {@code null} when it is fine. */
	private static ProblemDetail parameters(HttpServletRequest request) {
		try {
			for (var parameter : request.getParameterMap().entrySet()) {
				if (parameter.getKey().isEmpty() || hasNul(parameter.getKey())) {
					return malformed("A query parameter has no name or an invalid one");
				}
				for (var value : parameter.getValue()) {
					if (hasNul(value)) {
						return malformed(
								"The query parameter '%s' holds a NUL character".formatted(parameter.getKey()));
					}
				}
			}
			return null;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// Tomcat refuses a query string that does not decode (no name, invalid
			// percent-encoding or UTF-8).
			return malformed("The query string cannot be decoded: use name=value pairs, percent-encoded UTF-8");
		}
	}

	private static boolean hasNul(String value) {
		return value != null && value.indexOf('\0') >= 0;
	}

	private static ProblemDetail malformed(String detail) {
		return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
	}

	static ProblemDetail tooLarge(long maxBody) {
		return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
				"The request body is larger than the %d bytes accepted".formatted(maxBody));
	}

	/** Thrown while a body of unknown length is read, once it passes the limit. */
	static final class BodyTooLargeException extends IOException {

		private final long maxBody;

		BodyTooLargeException(long maxBody) {
			super("The request body is larger than " + maxBody + " bytes");
			this.maxBody = maxBody;
		}

		long maxBody() {
			return maxBody;
		}

	}

	/**
	 * A chunked request whose body stream fails once it has given more than the limit.
	 */
	private static final class BoundedRequest extends HttpServletRequestWrapper {

		private final long maxBody;

		private ServletInputStream stream;

		BoundedRequest(HttpServletRequest request, long maxBody) {
			super(request);
			this.maxBody = maxBody;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new BoundedStream(super.getInputStream(), maxBody);
			}
			return stream;
		}

	}

	private static final class BoundedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBody;

		private long read;

		BoundedStream(ServletInputStream delegate, long maxBody) {
			this.delegate = delegate;
			this.maxBody = maxBody;
		}

		@Override
		public int read() throws IOException {
			var b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			var n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > maxBody) {
				throw new BodyTooLargeException(maxBody);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

	}

}
