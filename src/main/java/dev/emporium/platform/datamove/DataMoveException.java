package dev.emporium.platform.datamove;

/**
 * Why a data move stopped, as one line an operator can act on.
 */
class DataMoveException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	DataMoveException(String message) {
		super(message);
	}

	DataMoveException(String message, Throwable cause) {
		super(message, cause);
	}

}
