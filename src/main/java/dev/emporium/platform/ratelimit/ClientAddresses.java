package dev.emporium.platform.ratelimit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Tells the client's address: the connection's peer, unless that is a trusted proxy, in
 * which case the last address of {@code X-Forwarded-For} that no trusted proxy added;
 * what a client writes there itself is never believed beyond the first untrusted hop.
 */
final class ClientAddresses {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	/**
	 * An IPv4 or IPv6 literal (the latter with a colon), so that nothing in the header is
	 * ever looked up in DNS.
	 */
	private static final Pattern LITERAL = Pattern
		.compile("\\d{1,3}(\\.\\d{1,3}){3}|(?=[0-9A-Fa-f.:]{2,45}$)[0-9A-Fa-f.]*:[0-9A-Fa-f.:]*");

	private final List<IpAddressMatcher> trusted;

	ClientAddresses(List<String> trustedProxies) {
		this.trusted = trustedProxies.stream().map(String::strip).map(IpAddressMatcher::new).toList();
	}

	String of(HttpServletRequest request) {
		var address = request.getRemoteAddr();
		if (!isTrusted(address)) {
			return address;
		}
		var hops = new ArrayList<String>();
		for (var header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
			for (var hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			var hop = hops.get(i);
			if (!LITERAL.matcher(hop).matches()) {
				return address;
			}
			address = hop;
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return address;
	}

	private boolean isTrusted(String address) {
		if (address == null || !LITERAL.matcher(address).matches()) {
			return false;
		}
		try {
			return trusted.stream().anyMatch(matcher -> matcher.matches(address));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
