/**
 * The security room: stateless bearer-token security, verifying access tokens with the
 * issuer's key here or its published key set elsewhere.
 */
package dev.emporium.platform.security;
