package dev.emporium.notifications;

/**
 * Whether a notification was e-mailed, only recorded (no mail server is configured), or
 * could not be sent.
 */
enum NotificationStatus {

	RECORDED, SENT, FAILED

}
