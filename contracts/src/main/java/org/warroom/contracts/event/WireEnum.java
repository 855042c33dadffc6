package org.warroom.contracts.event;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum whose JSON form is a fixed lower-case word (the names API.md fixes). */
public interface WireEnum {
    String wire();

    /** The constant whose wire word is {@code value}, ignoring case and surrounding space. */
    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The wire words of every constant, for error messages ("allowed: a, b, c"). */
    static <E extends Enum<E> & WireEnum> List<String> allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList();
    }
}
