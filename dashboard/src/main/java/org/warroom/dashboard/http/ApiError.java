package org.warroom.dashboard.http;

/**
 * A request that cannot be served, as JSON {@code {"error", "field"?, "reason"}} with its status. Handlers throw
 * it (or fail futures with it); {@link Answers#fail} turns it into the answer.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String field;

    public ApiError(int status, String error, String field, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    public static ApiError invalid(String field, String reason) {
        return new ApiError(400, "invalid", field, reason);
    }

    public static ApiError forbidden(String reason) {
        return new ApiError(403, "forbidden", null, reason);
    }

    public static ApiError notFound(String reason) {
        return new ApiError(404, "not found", null, reason);
    }

    public static ApiError conflict(String reason) {
        return new ApiError(409, "conflict", null, reason);
    }

    public static ApiError unavailable(String reason) {
        return new ApiError(503, "unavailable", null, reason);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
