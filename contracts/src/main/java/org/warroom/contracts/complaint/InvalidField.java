package org.warroom.contracts.complaint;

/** A field of a complaint request that cannot be taken: names the field and why. Nothing is stored. */
public final class InvalidField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidField(String field, String reason) {
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
