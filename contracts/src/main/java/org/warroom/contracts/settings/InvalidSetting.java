package org.warroom.contracts.settings;

/** A setting change that cannot be taken: names the field ({@code key}, {@code value}, {@code district}) and why. */
public final class InvalidSetting extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidSetting(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
