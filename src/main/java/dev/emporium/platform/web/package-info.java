/**
 * The web room: RFC 9457 problem answers for every failure, the OpenAPI document, the
 * line that says where the API listens, and the route to the client pages.
 */
package dev.emporium.platform.web;
