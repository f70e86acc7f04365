/**
 * The topology room: where each module runs, worked out once, and what follows from it:
 * the beans that start, the remote modules' clients and the gateway to their endpoints.
 */
package dev.emporium.platform.topology;
