/**
 * The web room: RFC 9457 problem answers for every failure, the OpenAPI document, and the
 * line that says where the API listens.
 */
package dev.emporium.platform.web;
