package dev.emporium.shared;

import java.util.UUID;

/**
 * Who is calling the API: the customer account behind the access token, and whether it
 * belongs to staff. Declare it as a controller method parameter to require an
 * authenticated caller.
 */
public record Caller(UUID customerId, boolean staff) {

	/** The role every registered customer has. */
	public static final String CUSTOMER = "CUSTOMER";

	/** The role of shop staff, who manage the catalog, stock and shipments. */
	public static final String STAFF = "STAFF";

	public boolean isOwnerOrStaff(UUID ownerId) {
		return staff || customerId.equals(ownerId);
	}

}
