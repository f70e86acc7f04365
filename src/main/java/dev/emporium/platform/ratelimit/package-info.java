/**
 * The rate-limit room: quotas per client address and per account on the operations that
 * modules mark {@code @RateLimited}, and a capped backoff after failed attempts, kept in
 * PostgreSQL so that every instance on the database shares them.
 */
package dev.emporium.platform.ratelimit;
